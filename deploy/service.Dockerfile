# One image recipe for the three Pulse services; docker-compose.yml passes the module name.
# The image copies the runnable jar, it does not compile: run ./mvnw -B install -DskipTests first.
#   docker build -f deploy/service.Dockerfile --build-arg MODULE=report-api -t pulse/report-api .
FROM eclipse-temurin:21-jre

ARG MODULE
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<ingest-service|stream-processor|report-api>" >&2; exit 1; }

# The compose healthchecks call curl. The base image ships it today only "for historical
# reasons" (adoptium/containers#255), so install it should a later base drop it.
RUN command -v curl >/dev/null 2>&1 || { apt-get update \
      && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; }

# A non-root user. /var/lib/pulse is created here, owned by that user, because a named volume
# mounted on it copies that ownership: stream-processor keeps its Kafka Streams state there.
RUN groupadd --system --gid 10001 pulse \
    && useradd --system --uid 10001 --gid pulse --home-dir /app --no-create-home pulse \
    && mkdir -p /app /var/lib/pulse \
    && chown pulse:pulse /var/lib/pulse

WORKDIR /app
COPY ${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar
USER pulse

# Exec form so the JVM is PID 1 and gets SIGTERM: graceful shutdown closes Kafka Streams and
# drains requests. Size the heap from the container's memory limit, not the host's.
# RocksDB and lz4 load JNI libraries: allowed by name, so no restricted-access warning once the image
# moves past JDK 21 (which knows the option; --sun-misc-unsafe-memory-access would need JDK 23).
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
