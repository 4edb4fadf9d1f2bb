#!/usr/bin/env node
import { main } from "./lib/cli/package-bin.js";
import { runAsProcess } from "./lib/cli/run-cli.js";

runAsProcess(main);
