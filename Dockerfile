# The minzheng-flow app image: API (default), worker and the migrate job of docker-compose.yml.
# The app runs TypeScript through tsx; the only build is the web front end (Vite → web/dist).
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so source edits reuse this layer. Install scripts stay off whatever the npm
# version: Temporal's native bridge, @swc/core and esbuild ship prebuilt binaries, and without
# Prisma's engine download scripts/db.ts migrates with the Wasm schema engine, the same path as
# on an offline machine. devDependencies stay: the Prisma CLI (generate, native migrate) is one.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY . .
RUN npx tsx scripts/prisma-generate.ts \
  && npx tsx scripts/build-web.ts \
  && mkdir -p data \
  && chown node:node data

# Sources stay root-owned and read-only to the app; only DATA_DIR (./data) is writable.
USER node
ENV NODE_ENV=production \
  PATH=/app/node_modules/.bin:$PATH
EXPOSE 3000

# What `npm run api` runs, started directly: npm and its `sh -c` do not pass SIGTERM on to tsx.
CMD ["tsx", "main/start-api.ts"]
