# syntax=docker/dockerfile:1
# Northwind Goods as a container: Next.js standalone output on Node 22 (see README, "Self-hosting with Docker").
#   docker build -t northwind-goods .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e AUTH_SECRET=… northwind-goods

ARG NODE_IMAGE=node:22-slim

# 1. Dependencies, from the lockfile only (cached until package*.json change).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The production build. Next prerenders catalog pages at build, so the build reads a catalog:
#    without a DATABASE_URL build argument, `npm run build` uses a throwaway embedded database
#    seeded with the demo catalog (as on a laptop). With REDIS_URL at runtime (compose.yaml) the
#    route cache lives in Redis and every page is rendered from the real database on first visit.
FROM ${NODE_IMAGE} AS builder
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
ARG DATABASE_URL
# Responses are gzipped by the server unless NEXT_COMPRESS=false: compose.yaml builds with it off
# because its proxy compresses (zstd or gzip), which takes that work off the single-threaded server.
ARG NEXT_COMPRESS=true
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && rm -rf .data

# 3. The runtime: the standalone server, its static files, the migrations and the migrator.
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    UPLOAD_DIR=/app/uploads
RUN groupadd --system --gid 1001 nodejs && useradd --system --uid 1001 --gid nodejs nextjs \
    && mkdir -p /app/uploads && chown nextjs:nodejs /app/uploads
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static
COPY --from=builder --chown=nextjs:nodejs /app/public ./public
COPY --from=builder --chown=nextjs:nodejs /app/db/migrations ./db/migrations
# The migrator's two libraries in full (the server's trace holds only the parts it uses).
COPY --from=builder --chown=nextjs:nodejs /app/node_modules/drizzle-orm ./node_modules/drizzle-orm
COPY --from=builder --chown=nextjs:nodejs /app/node_modules/postgres ./node_modules/postgres
COPY --chown=nextjs:nodejs docker/migrate.mjs docker/entrypoint.sh ./docker/
USER nextjs
EXPOSE 3000
VOLUME ["/app/uploads"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["sh", "docker/entrypoint.sh"]
