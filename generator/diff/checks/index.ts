import type { Check } from "../change.js";
import { authChanged } from "./auth-changed.js";
import { basePathChanged } from "./base-path-changed.js";
import { callShapeChanged } from "./call-shape-changed.js";
import { constraintChanged } from "./constraint-changed.js";
import { defaultChanged } from "./default-changed.js";
import { discriminatorChanged } from "./discriminator-changed.js";
import { enumChanged } from "./enum-changed.js";
import { extensibleEnumChanged } from "./extensible-enum-changed.js";
import { methodRenamed } from "./method-renamed.js";
import { nullableChanged } from "./nullable-changed.js";
import { operationAdded } from "./operation-added.js";
import { operationDeprecated } from "./operation-deprecated.js";
import { operationMoved } from "./operation-moved.js";
import { operationRemoved } from "./operation-removed.js";
import { parameterAdded } from "./parameter-added.js";
import { parameterEncodingChanged } from "./parameter-encoding-changed.js";
import { parameterMoved } from "./parameter-moved.js";
import { parameterRemoved } from "./parameter-removed.js";
import { parameterRequiredChanged } from "./parameter-required-changed.js";
import { pathParameterRenamed } from "./path-parameter-renamed.js";
import { propertyAdded } from "./property-added.js";
import { propertyRemoved } from "./property-removed.js";
import { propertyRequiredChanged } from "./property-required-changed.js";
import { readWriteChanged } from "./read-write-changed.js";
import { requestBodyChanged } from "./request-body-changed.js";
import { responseContentTypeChanged } from "./response-content-type-changed.js";
import { responseHeaderChanged } from "./response-header-changed.js";
import { responseStatusChanged } from "./response-status-changed.js";
import { serversChanged } from "./servers-changed.js";
import { typeChanged } from "./type-changed.js";
import { variantChanged } from "./variant-changed.js";

/** Every check, API-wide ones first. */
export const CHECKS: readonly Check[] = [
  authChanged,
  basePathChanged,
  serversChanged,
  operationRemoved,
  operationMoved,
  operationAdded,
  operationDeprecated,
  methodRenamed,
  callShapeChanged,
  pathParameterRenamed,
  parameterAdded,
  parameterRemoved,
  parameterMoved,
  parameterRequiredChanged,
  parameterEncodingChanged,
  requestBodyChanged,
  responseStatusChanged,
  responseContentTypeChanged,
  responseHeaderChanged,
  propertyAdded,
  propertyRemoved,
  propertyRequiredChanged,
  readWriteChanged,
  typeChanged,
  enumChanged,
  extensibleEnumChanged,
  nullableChanged,
  constraintChanged,
  defaultChanged,
  variantChanged,
  discriminatorChanged,
];
