# The api image also serves the built Angular app. Build: docker compose build
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts=false
COPY . .
RUN npx nx run-many -t build -p api,crm --configuration=production

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 CRM_DIST_DIR=/app/crm
WORKDIR /app
COPY --from=build /src/dist/apps/api/package.json /src/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /src/dist/apps/api ./
COPY --from=build /src/dist/apps/crm/browser ./crm
# DATA_DIR in docker-compose (attachments), a volume every replica shares: owned by the user that writes it.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The same Node flags as `npm start` (a larger young generation: a busy server allocates fast).
CMD ["node", "--max-semi-space-size=64", "--heap-growing-percent=300", "main.js"]
