# Build: docker build -t similarity-explorer .   Run: docker run -p 8080:8080 -v simexplorer-data:/app/data similarity-explorer
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/similarity-explorer-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app simexplorer && mkdir -p /app/data && chown simexplorer /app/data
COPY --from=build /src/app.jar /app/app.jar
USER simexplorer
ENV SIMEXPLORER_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
