# Build:  docker build -t similarity-explorer .
# Run:    docker run -p 8080:8080 -v simexplorer-data:/app/data similarity-explorer
# (Not built here: this environment has no Docker engine.)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/similarity-explorer-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home-dir /app simexplorer \
    && mkdir -p /app/data /app/cache \
    && chown simexplorer /app/data /app/cache
COPY --from=build /src/app.jar /app/app.jar
USER simexplorer
# Labels live in /app/data (mount a volume); model files and DJL's native libraries are unpacked to /app/cache.
ENV SIMEXPLORER_DATA_DIR=/app/data \
    SIMEXPLORER_EMBEDDING_CACHE_DIR=/app/cache/models \
    DJL_CACHE_DIR=/app/cache/djl
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
