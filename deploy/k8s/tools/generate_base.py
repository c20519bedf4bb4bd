#!/usr/bin/env python3
"""Writes the per-service part of deploy/k8s/base (Deployment, Service, ConfigMap, PDB, HPA, NetworkPolicy,
ServiceMonitor, KafkaUser) from the table below, so the seven services stay alike. Run it after changing the table;
the output is committed and is what Kustomize renders. Topics are NOT generated here: one file per catalogue entry
under base/kafka/topics/, checked against io.tideline.events.Topics by the deploy module's test."""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "base")

DNS = 53
HTTPS_OUT = [443]

# name: db, produces, consumes, stateless (HPA), outside ports, reaches services, extra env, secret env, replicas,
#       resources (requests cpu/mem, limits mem)
SERVICES = {
    "lp-tracker": dict(db="tideline_lp", produces=["lp.positions", "market.prices"], consumes=[],
                       stateless=False, outside=HTTPS_OUT, calls=[],
                       env={"TIDELINE_LP_CHAIN_ID": "1",
                            "TIDELINE_LP_CHAIN_POSITION_MANAGER": "0xc36442b4a4522e871399cd717abdd847ab11fe88",
                            "TIDELINE_LP_CHAIN_FACTORY": "0x1f98431c8ad98523631ae4a59f267346ea31f984",
                            "TIDELINE_LP_CHAIN_MULTICALL3": "0xca11bde05977b3631167028862be2a173976ca11"},
                       secret_env={"TIDELINE_LP_CHAIN_RPC_URL": ("tideline-chain-rpc", "url")},
                       replicas=2, cpu="250m", mem="512Mi", limit="768Mi",
                       note="one syncing replica at a time (LeaderLock, a PostgreSQL advisory lock); the second is a hot standby"),
    "perp-hedger": dict(db="tideline_perp", produces=["perp.hedges", "market.prices"],
                        consumes=["lp.positions", "market.prices"],
                        stateless=False, outside=HTTPS_OUT, calls=[],
                        env={"TIDELINE_PERP_VENUE": "paper"},
                        secret_env={}, replicas=2, cpu="250m", mem="512Mi", limit="768Mi",
                        note="consumer of keyed facts; replicas share partitions, hedge rows are guarded by advisory locks"),
    "pnl-ingest": dict(db="tideline_pnl", produces=["pnl.executions"], consumes=[],
                       stateless=False, outside=HTTPS_OUT, calls=[],
                       env={"TIDELINE_PNL_WEBHOOKS_0__ID": "alchemy"},
                       secret_env={"TIDELINE_PNL_WEBHOOKS_0__SIGNING_KEY": ("tideline-pnl-webhooks", "signing-key"),
                                   "TIDELINE_PNL_POLLER_RPC_URL": ("tideline-chain-rpc", "url")},
                       replicas=2, cpu="250m", mem="512Mi", limit="768Mi",
                       note="inbox workers and the poller take per-wallet advisory locks; fixed replicas"),
    # settlement's maker venue: paper, or Extended over HTTPS with its key and Stark key from a Secret (optional
    # while the venue is paper)
    "settlement": dict(db="tideline_settlement", produces=["mm.settlement", "alerts"],
                       consumes=["mm.fills", "market.prices"], stateless=False, outside=HTTPS_OUT, calls=[],
                       env={"TIDELINE_SETTLEMENT_VENUE": "paper"},
                       secret_env={"TIDELINE_SETTLEMENT_EXTENDED_API_KEY": ("tideline-extended-settlement", "api-key"),
                                   "TIDELINE_SETTLEMENT_EXTENDED_STARK_PRIVATE_KEY":
                                       ("tideline-extended-settlement", "stark-private-key")},
                       replicas=2, cpu="500m", mem="768Mi", limit="1Gi",
                       note="exactly one settlement runner per pair: PairLock, a PostgreSQL advisory lock per pair"),
    "analytics": dict(db="tideline_analytics", produces=[],
                      consumes=["lp.positions", "perp.hedges", "pnl.executions", "mm.settlement", "market.prices"],
                      stateless=True, outside=[], calls=[], env={}, secret_env={}, replicas=2,
                      cpu="500m", mem="1Gi", limit="1536Mi",
                      note="read API over its own read model; replicas share the consumer group's partitions"),
    "alerting": dict(db="tideline_alerting", produces=["alerts"],
                     consumes=["lp.positions", "perp.hedges", "pnl.executions", "mm.settlement", "market.prices",
                               "alerts", "*.dlq"],
                     stateless=False, outside=[443, 465, 587], calls=["*"], env={},
                     secret_env={"QUARKUS_MAILER_USERNAME": ("tideline-smtp", "username"),
                                 "QUARKUS_MAILER_PASSWORD": ("tideline-smtp", "password")},
                     replicas=2, cpu="250m", mem="512Mi", limit="768Mi",
                     note="rule evaluation keyed by partition; deliveries claimed row by row"),
    # the gateway: config (runtime settings) it writes; the live stream reads the business topics; the operations API
    # browses every dead-letter topic and replays chosen letters to their source topics ("replays")
    "gateway": dict(db="tideline_gateway", produces=["config"],
                    consumes=["lp.positions", "perp.hedges", "pnl.executions", "mm.settlement", "market.prices",
                              "alerts", "*.dlq"], replays=True, stateless=True, outside=[],
                    calls=["*"], env={},
                    secret_env={}, replicas=3, cpu="500m", mem="512Mi", limit="768Mi",
                    note="stateless HTTP edge (rate-limit buckets and API keys live in its database)"),
}

def LABELS(name, indent=4):
    pad = " " * indent
    return "\n".join(pad + line for line in (f"app.kubernetes.io/name: {name}", "app.kubernetes.io/part-of: tideline",
                                              "app.kubernetes.io/component: service"))


def catalogue_topics():
    """The event topics, from the one-file-per-catalogue-entry folder (base/kafka/topics/<topic>.yaml)."""
    folder = os.path.join(ROOT, "kafka", "topics")
    return sorted(f[:-len(".yaml")] for f in os.listdir(folder) if f.endswith(".yaml"))


def properties_file(name):
    """Map-keyed settings (service names with dashes) go in a properties file: env names cannot spell them."""
    others = [s for s in SERVICES if s != name]
    if name == "gateway":
        return "\n".join(f"tideline.gateway.upstreams.{s}.url=http://{s}" for s in others if s != "gateway") + \
            "\ntideline.gateway.caller-token.signing-key-location=/etc/tideline/caller-token/private.pem\n"
    if name == "alerting":
        return "\n".join(f'tideline.alerting.readiness.services."{s}"=http://{s}' for s in others) + "\n"
    return None


def configmap(name, spec):
    env = {
        "QUARKUS_HTTP_PORT": "8080",
        "TIDELINE_DB_HOST": "tideline-pg-rw",
        "TIDELINE_DB_PORT": "5432",
        "KAFKA_BOOTSTRAP_SERVERS": "tideline-kafka-bootstrap:9093",
        "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "KAFKA_SSL_TRUSTSTORE_TYPE": "PEM",
        "KAFKA_SSL_TRUSTSTORE_LOCATION": "/etc/tideline/kafka-ca/ca.crt",
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION": "/etc/tideline/jwt/public.pem",
        "TIDELINE_JWT_ISSUER": "tideline",
        "TIDELINE_JWT_AUDIENCE": "tideline-api",
    }
    env.update(spec["env"])
    props = properties_file(name)
    if props:
        env["QUARKUS_CONFIG_LOCATIONS"] = "/etc/tideline/config/service.properties"
    data = "\n".join(f'  {k}: "{v}"' for k, v in env.items())
    out = f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-env
  labels:
{LABELS(name)}
data:
{data}
"""
    if props:
        body = "\n".join("    " + line for line in props.strip().split("\n"))
        out += f"""---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-properties
  labels:
{LABELS(name)}
data:
  service.properties: |
{body}
"""
    return out


def deployment(name, spec):
    strategy = "maxSurge: 1\n      maxUnavailable: 0" if name == "gateway" else "maxSurge: 1\n      maxUnavailable: 1"
    secret_env = [("TIDELINE_DB_USER", f"tideline-db-{name}", "username", False),
                  ("TIDELINE_DB_PASSWORD", f"tideline-db-{name}", "password", False),
                  ("KAFKA_SASL_JAAS_CONFIG", name, "sasl.jaas.config", False)]
    secret_env += [(k, s, key, True) for k, (s, key) in spec["secret_env"].items()]
    env = "\n".join(f"""            - name: {k}
              valueFrom:
                secretKeyRef:
                  name: {s}
                  key: {key}""" + ("\n                  optional: true" if optional else "")
                    for k, s, key, optional in secret_env)
    extra_mounts = ""
    extra_volumes = ""
    if properties_file(name):
        extra_mounts += """
            - name: properties
              mountPath: /etc/tideline/config
              readOnly: true"""
        extra_volumes += f"""
        - name: properties
          configMap:
            name: {name}-properties"""
    if name == "gateway":
        extra_mounts += """
            - name: caller-token
              mountPath: /etc/tideline/caller-token
              readOnly: true"""
        extra_volumes += """
        - name: caller-token
          secret:
            secretName: tideline-caller-token
            optional: true"""
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels:
{LABELS(name)}
  annotations:
    tideline.io/scaling: "{spec['note']}"
spec:
  replicas: {spec['replicas']}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      {strategy}
  template:
    metadata:
      labels:
{LABELS(name, 8)}
    spec:
      serviceAccountName: tideline-service
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 185
        runAsGroup: 185
        fsGroup: 185
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: {name}
          image: tideline/{name}:0.1.0-SNAPSHOT
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {name}-env
          env:
{env}
          resources:
            requests:
              cpu: {spec['cpu']}
              memory: {spec['mem']}
            limits:
              memory: {spec['limit']}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop:
                - ALL
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 5
            failureThreshold: 36
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 15
            timeoutSeconds: 3
            failureThreshold: 4
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: jwt
              mountPath: /etc/tideline/jwt
              readOnly: true
            - name: kafka-ca
              mountPath: /etc/tideline/kafka-ca
              readOnly: true{extra_mounts}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        - name: jwt
          secret:
            secretName: tideline-jwt-public
        - name: kafka-ca
          secret:
            secretName: tideline-cluster-ca-cert
            items:
              - key: ca.crt
                path: ca.crt{extra_volumes}
"""


def service(name):
    return f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  labels:
{LABELS(name)}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
"""


def pdb(name):
    return f"""apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
  labels:
{LABELS(name)}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
"""


def hpa(name, spec):
    return f"""apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
  labels:
{LABELS(name)}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {name}
  minReplicas: {spec['replicas']}
  maxReplicas: {spec['replicas'] * 3}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
"""


def network_policy(name, spec):
    ingress_from = []
    if name == "gateway":
        ingress_from.append("""        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress-nginx
          podSelector:
            matchLabels:
              app.kubernetes.io/name: ingress-nginx""")
    else:
        for caller in ("gateway", "alerting"):
            if caller != name:
                ingress_from.append(f"""        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {caller}""")
    ingress_from.append("""        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
          podSelector:
            matchLabels:
              app.kubernetes.io/name: prometheus""")
    egress = [f"""    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: {DNS}
        - protocol: TCP
          port: {DNS}""",
              """    - to:
        - podSelector:
            matchLabels:
              strimzi.io/cluster: tideline
              strimzi.io/kind: Kafka
      ports:
        - protocol: TCP
          port: 9093""",
              """    - to:
        - podSelector:
            matchLabels:
              cnpg.io/cluster: tideline-pg
      ports:
        - protocol: TCP
          port: 5432"""]
    if spec["calls"]:
        egress.append("""    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: tideline
              app.kubernetes.io/component: service
      ports:
        - protocol: TCP
          port: 8080""")
    if spec["outside"]:
        ports = "\n".join(f"        - protocol: TCP\n          port: {p}" for p in spec["outside"])
        egress.append(f"""    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              - 10.0.0.0/8
              - 172.16.0.0/12
              - 192.168.0.0/16
      ports:
{ports}""")
    ingress = "\n".join(ingress_from)
    return f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}
  labels:
{LABELS(name)}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {name}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
{ingress}
      ports:
        - protocol: TCP
          port: 8080
  egress:
{chr(10).join(egress)}
"""


def service_monitor(name):
    return f"""apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {name}
  labels:
{LABELS(name)}
    release: prometheus
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  endpoints:
    - port: http
      path: /q/metrics
      interval: 30s
      authorization:
        type: Bearer
        credentials:
          name: tideline-metrics-token
          key: token
"""


def acl(resource_type, name, pattern, operations):
    ops = "\n".join(f"          - {o}" for o in operations)
    return f"""      - resource:
          type: {resource_type}
          name: "{name}"
          patternType: {pattern}
        operations:
{ops}"""


def kafka_user(name, spec):
    acls = []
    for t in spec["produces"]:
        acls.append(acl("topic", t, "literal", ["Write", "Describe"]))
    for t in spec["consumes"]:
        if t == "*.dlq":
            continue
        acls.append(acl("topic", t, "literal", ["Read", "Describe"]))
        acls.append(acl("topic", t + ".dlq", "literal", ["Write", "Describe"]))
    if "*.dlq" in spec["consumes"]:
        # DeadLetterWatch reads every dead-letter topic; Kafka ACLs have no suffix pattern, so each is listed.
        for t in catalogue_topics():
            acls.append(acl("topic", t + ".dlq", "literal", ["Read", "Describe"]))
    if spec.get("replays"):
        # a dead letter is replayed to its source topic, whichever service owns it
        for t in catalogue_topics():
            if t not in spec["produces"]:
                acls.append(acl("topic", t, "literal", ["Write", "Describe"]))
    # every service follows the runtime settings (RuntimeSettings reads config from its beginning, no group)
    if "config" not in spec["produces"]:
        acls.append(acl("topic", "config", "literal", ["Read", "Describe"]))
    else:
        acls.append(acl("topic", "config", "literal", ["Read"]))
    if spec["consumes"]:
        acls.append(acl("group", name + ".", "prefix", ["Read", "Describe"]))
    return f"""apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata:
  name: {name}
  labels:
    strimzi.io/cluster: tideline
{LABELS(name)}
spec:
  authentication:
    type: scram-sha-512
  authorization:
    type: simple
    acls:
{chr(10).join(acls) if acls else ''}
"""


def main():
    names = []
    for name, spec in SERVICES.items():
        d = os.path.join(ROOT, "services", name)
        os.makedirs(d, exist_ok=True)
        files = {"deployment.yaml": deployment(name, spec), "service.yaml": service(name),
                 "configmap.yaml": configmap(name, spec), "pdb.yaml": pdb(name),
                 "networkpolicy.yaml": network_policy(name, spec), "servicemonitor.yaml": service_monitor(name),
                 "kafkauser.yaml": kafka_user(name, spec)}
        if spec["stateless"]:
            files["hpa.yaml"] = hpa(name, spec)
        for f, text in files.items():
            with open(os.path.join(d, f), "w") as out:
                out.write("# Generated by deploy/k8s/tools/generate_base.py; edit the table there.\n" + text)
        with open(os.path.join(d, "kustomization.yaml"), "w") as out:
            out.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                      + "".join(f"  - {f}\n" for f in sorted(files)))
        names.append(name)
    with open(os.path.join(ROOT, "services", "kustomization.yaml"), "w") as out:
        out.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                  + "  - serviceaccount.yaml\n" + "".join(f"  - {n}\n" for n in names))


if __name__ == "__main__":
    main()
