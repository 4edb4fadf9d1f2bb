#!/usr/bin/env node
import "./lib/cli/package-bin.js";
