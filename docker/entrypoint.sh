#!/bin/sh
# Applies pending migrations (serialised across replicas by an advisory lock), then serves.
set -e
node docker/migrate.mjs
exec node server.js
