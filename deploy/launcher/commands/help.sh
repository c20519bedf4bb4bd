# shellcheck shell=bash
# `./platform help`: the commands and the launcher's environment variables.

usage() {
  cat <<EOF
Tideline local launcher (no Docker): PostgreSQL + a single-node Kafka broker + the services.

usage: ./platform COMMAND [ARGS]

  up [--no-build] [SERVICE...]  build, then start PostgreSQL (or use the running one), Kafka (+ topics), the local
                                EVM chain with Uniswap v3 (needs Node.js 18+; skipped with a warning without it) and
                                the services (all, or the ones named); waits until each is ready and prints the URLs
  down [--purge]                stop what 'up' started (services, chain, Kafka); --purge also deletes the Kafka data
                                and the chain's deployment record
  status                        show what runs, and where
  logs SERVICE|kafka|chain      follow a log (tail -F)
  import-redis [--dry-run] [--stats] [--session ID] [--limit N] [--prefix P]
                                settlement's legacy importer: sessions and fills from the previous system's Redis
                                (127.0.0.1:6379, layout in settlement/README.md) into settlement; needs settlement up
  test [MAVEN ARGS...]          PostgreSQL + roles, a Kafka broker and the local chain's npm packages for the tests,
                                then ./mvnw -B verify [ARGS]; stops the broker afterwards if it started it (this is
                                what CI runs)
  e2e                           the whole desk end to end on the running platform, through the gateway with a token:
                                LP minted on the chain -> tracked -> hedged -> out of range -> alert delivered by
                                email and signed webhook to the local receivers -> acknowledged -> closed -> P&L ->
                                report; Polymarket trades by signed webhook -> matched -> P&L -> leaderboard;
                                settlement fill -> take-profit -> filled; the dashboard toured in Chromium (each view
                                against the API, a live alert acknowledged on the screen, axe-core). Each step
                                with its time; exit 1 on any mismatch (./platform test runs it after a whole build)
  chaos                         the scenario again and again while each service, the broker and PostgreSQL are taken
                                down hard in turn, then the count: events published vs applied per consumer, orders
                                at the venues vs intended, alert deliveries per key, webhooks acknowledged vs
                                processed; exit 1 on any loss or duplicate
  load [MINUTES]                 a steady mix for MINUTES (30): chain blocks over 1,000 LP positions, 500 webhook
                                activities/s, settlement runs, 100 SSE clients; every minute throughput, p99
                                latencies, heap per service and consumer lag; exit 1 if heap or lag kept growing
  token --role viewer|trader|admin [--subject NAME] [--ttl PT12H]
                                a bearer token for the services' APIs, signed with the local key 'up' made in
                                \$TIDELINE_HOME/jwt; e.g. curl -H "Authorization: Bearer \$(./platform token --role viewer)" ...
  images [SERVICE...]           the services' OCI images with Jib (pom.xml profile 'images'): into a Docker or
                                Podman daemon, or pushed to \$TIDELINE_IMAGE_REGISTRY; says so and builds nothing
                                where there is none (no builder exists on the development machine)
  help                          this text

services: ${SERVICES[*]}
state:    $TIDELINE_HOME  (run/*.pid, logs/*.log, kafka/)

environment (defaults in brackets):
  TIDELINE_HOME                   state folder [<repo>/.platform]
  TIDELINE_SKIP_BUILD=1           same as --no-build
  TIDELINE_KAFKA_PORT             Kafka client port [9092]
  TIDELINE_KAFKA_CONTROLLER_PORT  KRaft controller port [9093]
  TIDELINE_KAFKA_HEAP             broker heap [512m]; TIDELINE_KAFKA_OPTS: more broker JVM options
  TIDELINE_PORT_<SERVICE>         HTTP port of a service, e.g. TIDELINE_PORT_LP_TRACKER=9181 (passed as QUARKUS_HTTP_PORT)
  TIDELINE_JAVA_OPTS              extra JVM options for the services
  TIDELINE_LOG_ROTATE_BYTES       a log larger than this is moved to <part>.log.1 when the part starts [20000000]
  MP_JWT_VERIFY_PUBLICKEY_LOCATION  public key the services trust [\$TIDELINE_HOME/jwt/public.pem, made by 'up']
  TIDELINE_JWT_ISSUER, TIDELINE_JWT_AUDIENCE  issuer and audience a token must carry [tideline, tideline-api]
  TIDELINE_READY_TIMEOUT          seconds to wait for a service's /q/health/ready [90]
  TIDELINE_RECEIVERS_PORT, TIDELINE_RECEIVERS_SMTP_PORT  the local receivers of alert deliveries [8089, 2525]
  TIDELINE_E2E_PATIENCE           seconds e2e waits for each asynchronous outcome [60; 240 under chaos]
  TIDELINE_SKIP_E2E=1             ./platform test without the end-to-end scenario
  TIDELINE_CHAOS_PAUSE, TIDELINE_CHAOS_DOWN  seconds between two hits, and that a killed part stays down [15, 5]
  TIDELINE_PG_HOST, TIDELINE_PG_PORT                 PostgreSQL [127.0.0.1, 5432]
  TIDELINE_PG_ADMIN_USER, TIDELINE_PG_ADMIN_PASSWORD superuser that creates roles and databases [postgres, none]
  TIDELINE_PG_ADMIN_DB            database the superuser connects to [postgres]
  TIDELINE_PG_SERVICE_PASSWORD    password of every service's role [role name, only on a local PostgreSQL];
  TIDELINE_DB_PASSWORD_<SERVICE>  or of one, e.g. TIDELINE_DB_PASSWORD_LP_TRACKER (given to it as TIDELINE_DB_PASSWORD).
                                  Required when TIDELINE_PG_HOST is not 127.0.0.1, localhost or ::1: there the launcher
                                  creates no role with a guessable password, and only the roles of the services started
  TIDELINE_TEST_PG_PASSWORD       password of the test role 'tideline', required by 'test' on such a PostgreSQL
  TIDELINE_SKIP_CHAIN=1           do not start the local EVM chain
  TIDELINE_CHAIN_PORT             JSON-RPC port of the local chain [8545]
  TIDELINE_IMAGE_REGISTRY         'images': push to this registry[/group] instead of a local daemon
  TIDELINE_IMAGE_TAG              'images': the images' tag [the commit's short hash]
EOF
}
