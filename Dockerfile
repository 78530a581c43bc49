# presskit in a container: Debian's Chromium headless shell, fonts, presskit from its packed
# tarball, run as a non-root user on the project mounted at /project.
#
#   docker build -t presskit .
#   docker run --rm -v "$PWD:/project" -u "$(id -u):$(id -g)" presskit build
#   docker run --rm -v "$PWD:/project" presskit doctor
#
# The install steps are scripts/container-install.sh, which the tests run (see README).

# Stage 1: the package, packed from this checkout as `npm pack` makes it for the registry.
FROM node:22-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm pack --ignore-scripts --pack-destination /tmp \
  && mv /tmp/presskit-cli-*.tgz /tmp/presskit.tgz

# Stage 2: what runs. Node 22 on Debian bookworm, no build tools, no dev dependencies.
FROM node:22-bookworm-slim
COPY scripts/container-install.sh /tmp/container-install.sh
COPY --from=pack /tmp/presskit.tgz /tmp/presskit.tgz
RUN sh /tmp/container-install.sh /tmp/presskit.tgz \
  && rm -rf /tmp/container-install.sh /tmp/presskit.tgz /root/.npm
USER presskit
WORKDIR /project
# One plain line per release rather than live progress: docker run has no terminal by default.
ENV CI=true
# Docker's default seccomp profile may deny the user namespaces Chromium's sandbox needs;
# the container is the sandbox (and presskit's pages run no JavaScript, reach no network).
ENV PRESSKIT_NO_SANDBOX=1
ENTRYPOINT ["presskit"]
CMD ["build"]
