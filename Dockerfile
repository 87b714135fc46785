# Build:  docker build -t similarity-explorer .
# Users:  docker run --rm -it similarity-explorer hash-password   (asks for a password, prints its bcrypt hash)
# Run:    docker run -p 8080:8080 -v simexplorer-data:/app/data \
#           -e SIMEXPLORER_SECURITY_USERS='alice:$2a$10$...' similarity-explorer
# The image listens on 0.0.0.0, so it asks for a login and refuses to start without users. Published on the
# host's loopback only (-p 127.0.0.1:8080:8080) you may pass -e SIMEXPLORER_SECURITY_ALLOW_ANONYMOUS=true instead.
# More names to answer to: -e SIMEXPLORER_SECURITY_ALLOWED_HOSTS=explorer.example.org
# (Not built here: this environment has no Docker engine.)
FROM eclipse-temurin:17-jdk AS build
# npm: the build fetches umap-js (the map's in-browser UMAP) with npm pack
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/similarity-explorer-*.jar /src/app.jar

# Runs on Java 25 (the jar is built for Java 17 and runs on any later JVM): its AOT cache holds the classes of a
# start loaded and linked, with method profiles, where Java 17's CDS archive holds them loaded only; measured here,
# Java 25 with its AOT cache served the home page after 4.2 to 4.9 s (medians) where Java 17 with its CDS archive
# took 5.4 to 7.8 s.
FROM eclipse-temurin:25-jre
WORKDIR /app
RUN useradd --system --home-dir /app simexplorer \
    && mkdir -p /app/data /app/cache \
    && chown simexplorer /app/data /app/cache
# Start-up: the jar runs extracted (plain jars in /app/jar/lib, none nested in another) with Spring AOT's build-time
# bean definitions (-Dspring.aot.enabled=true) and an AOT cache of what a start loads, recorded here by one start
# that stops once the context is up (Spring Boot's documented training run; see README, Start-up). The cache
# belongs to this JVM and these jars, so it is made in this stage; a JVM that cannot use it (other flags) warns
# and starts without it.
COPY --from=build /src/app.jar /tmp/app.jar
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/jar && rm /tmp/app.jar \
    && SERVER_ADDRESS=127.0.0.1 java -XX:AOTCacheOutput=/app/jar/app.aot -Dspring.aot.enabled=true \
       -Dspring.context.exit=onRefresh \
       -jar /app/jar/app.jar --simexplorer.data-dir=/tmp/cds-data --simexplorer.embedding.cache-dir=/tmp/cds-models \
    && rm -rf /tmp/cds-data /tmp/cds-models
USER simexplorer
# Labels live in /app/data (mount a volume); model files and DJL's native libraries are unpacked to /app/cache.
# Heap: half the container's memory, so the rest holds ONNX Runtime, the direct matrix buffers and the JVM's own
# memory. The 5,000-sentence limit needs a 1 GB heap: give the container 2 GB (see README, Sizing). Override with
# -e JAVA_TOOL_OPTIONS=...
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50" \
    SERVER_ADDRESS=0.0.0.0 \
    SIMEXPLORER_DATA_DIR=/app/data \
    SIMEXPLORER_EMBEDDING_CACHE_DIR=/app/cache/models \
    DJL_CACHE_DIR=/app/cache/djl
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/jar/app.aot", "-Dspring.aot.enabled=true", "-jar", "/app/jar/app.jar"]
