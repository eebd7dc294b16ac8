# syntax=docker/dockerfile:1

# Build: every dependency, the server compiled by SWC (build/server.mjs), the dashboard built by
# Vite, and the PGlite cluster a new embedded data folder starts from.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No package here needs its install scripts (package.json's allowScripts denies the two that
# have one); --ignore-scripts says the same to an npm that predates allowScripts.
RUN npm ci --ignore-scripts
COPY build ./build
COPY server ./server
COPY migrations ./migrations
COPY schema ./schema
COPY dashboard ./dashboard
RUN npm run build

# Run: production dependencies and the built files only, as an unprivileged user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# Only used without DATABASE_URL (embedded PGlite): a folder the app user may write to.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# /healthz answers while the process is up; the slim image has no curl, Node's fetch does the job.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations run at every start (an advisory lock lets one process migrate at a time).
CMD ["node", "dist/server/main.js"]
