import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { healthRoutes } from '@switchboard/contracts';
import { envSchema } from '../../src/app/config/config.schema';
import { loadEnv } from '../../src/app/config/app-config';

// No cluster runs where tests run, so the manifests are checked by reading them, as kubectl would
// take them: `kubectl apply -f deploy/kubernetes/` applies every YAML file of the directory (not its
// subdirectories); the example Secret in examples/ stands for the one created by hand.
const root = join(__dirname, '../../../..');
const dir = join(root, 'deploy/kubernetes');

type Labels = Record<string, string>;
type Port = { name?: string; containerPort?: number; port?: number; targetPort?: number | string };
type Probe = { httpGet?: { path: string; port: number | string }; tcpSocket?: { port: number | string } };
type Container = {
  name: string;
  image: string;
  ports: Port[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe & { periodSeconds?: number; failureThreshold?: number };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
};
type PodSpec = {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
};
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels; annotations?: Record<string, string> };
  // Each kind's spec, read through the typed accessors below.
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

const yamlFiles = (folder: string) =>
  readdirSync(folder)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(folder, f));
const documents = (file: string): Manifest[] =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);

const applied = yamlFiles(dir).flatMap(documents);
const examples = yamlFiles(join(dir, 'examples')).flatMap(documents);
const all = [...applied, ...examples];

/** The one manifest of a kind (and name) in the set kubectl applies. */
const one = (kind: string, name?: string, from = applied) => {
  const found = from.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name ?? ''}, found ${found.length}`);
  return found[0];
};
const deployment = one('Deployment');
const deploymentSpec = deployment.spec as {
  replicas: number;
  selector: { matchLabels: Labels };
  template: { metadata: { labels: Labels }; spec: PodSpec };
};
const pod = deploymentSpec.template.spec;
const podLabels = deploymentSpec.template.metadata.labels;
const [api] = pod.containers;
const service = one('Service');
const serviceSpec = service.spec as { type?: string; selector: Labels; ports: Port[] };

/** A probe's or Service's port (name or number) as the container port number it reaches. */
const containerPort = (port: number | string | undefined) =>
  typeof port === 'number' ? port : api.ports.find((p) => p.name === port)?.containerPort;
const isSubset = (selector: Labels, labels: Labels) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The environment a replica gets: its envFrom ConfigMap and Secret (the example one), then `env`. */
const podEnv = (): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const from of api.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, one('ConfigMap', from.configMapRef.name).data);
    if (from.secretRef) Object.assign(env, one('Secret', from.secretRef.name, examples).stringData);
  }
  for (const e of api.env ?? []) env[e.name] = String(e.value ?? '');
  return env;
};
/** nginx sizes: bytes, or a number with k/m/g (powers of 1024). */
const nginxBytes = (size: string) => {
  const m = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!m) throw new Error(`not an nginx size: ${size}`);
  return Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase());
};

describe('deploy/kubernetes', () => {
  it('parses, every document naming its apiVersion, kind and name, with no namespace pinned', () => {
    expect(applied.map((m) => m.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Ingress',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'Service',
    ]);
    for (const m of all) {
      expect(m.apiVersion).toMatch(/^([a-z0-9.-]+\/)?v\d+\w*$/);
      expect(m.kind).toMatch(/^[A-Z]\w+$/);
      expect(m.metadata?.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      // `kubectl -n <namespace> apply` puts them all in one place.
      expect(m.metadata.namespace).toBeUndefined();
    }
    expect(new Set(all.map((m) => `${m.kind}/${m.metadata.name}`)).size).toBe(all.length);
  });

  it('keeps the example Secret out of what `kubectl apply -f deploy/kubernetes/` applies, with placeholder values', () => {
    expect(applied.filter((m) => m.kind === 'Secret')).toEqual([]);
    const secret = one('Secret', undefined, examples);
    for (const value of Object.values(secret.stringData ?? {})) expect(value).toMatch(/CHANGE-ME|\.example\./);
    // What is secret stays out of the ConfigMap.
    const config = Object.keys(one('ConfigMap').data ?? {});
    expect(config.filter((k) => /URL$|SECRET|PASSWORD|TOKEN/.test(k) && k !== 'WHATSAPP_API_URL')).toEqual([]);
  });

  it('runs two or more replicas of the image compose builds, on the port the api listens on', () => {
    expect(deployment.apiVersion).toBe('apps/v1');
    expect(deploymentSpec.replicas).toBeGreaterThanOrEqual(2);
    expect(isSubset(deploymentSpec.selector.matchLabels, podLabels)).toBe(true);
    expect(pod.containers).toHaveLength(1);
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
    expect(
      api.image
        .replace(/:[^/]*$/, '')
        .split('/')
        .pop(),
    ).toBe(compose.services['api-1'].image);
    expect(api.ports.map((p) => p.containerPort)).toEqual([loadEnv(podEnv()).PORT]);
  });

  it('joins a pod once GET /api/health passes, then routes and restarts on liveness, which reads no dependency', () => {
    const port = loadEnv(podEnv()).PORT;
    const startup = api.startupProbe;
    expect(startup?.httpGet?.path).toBe(healthRoutes.health.path);
    expect(containerPort(startup?.httpGet?.port)).toBe(port);
    // Long enough for a first start's migrations.
    expect((startup?.periodSeconds ?? 10) * (startup?.failureThreshold ?? 3)).toBeGreaterThanOrEqual(120);
    // A database or Redis outage hits every replica alike: probing /api/health here would take them
    // all out of the Service, or restart them all.
    for (const probe of [api.readinessProbe, api.livenessProbe]) {
      expect(probe).toBeDefined();
      if (probe?.httpGet) expect(probe.httpGet.path).toBe(healthRoutes.live.path);
      else expect(probe?.tcpSocket).toBeDefined();
      expect(containerPort(probe?.httpGet?.port ?? probe?.tcpSocket?.port)).toBe(port);
    }
  });

  it('leaves the Service before stopping, and gives the api its whole shutdown', () => {
    const sleep = api.lifecycle?.preStop?.exec?.command ?? ['sleep', String(api.lifecycle?.preStop?.sleep?.seconds)];
    expect(sleep[0]).toBe('sleep');
    expect(Number(sleep[1])).toBeGreaterThanOrEqual(5);
    // The api forces its exit after this long (apps/api/src/main.ts).
    const forced = /process\.exit\(1\), ([\d_]+)\)/.exec(readFileSync(join(root, 'apps/api/src/main.ts'), 'utf8'));
    expect(forced).not.toBeNull();
    const shutdownSeconds = Number(forced?.[1].replace(/_/g, '')) / 1000;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(Number(sleep[1]) + shutdownSeconds);
  });

  it('asks for CPU and memory and bounds memory', () => {
    expect(Object.keys(api.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(api.resources?.limits?.['memory']).toBeDefined();
  });

  it('sets only configuration keys the api knows, which it accepts, with what several replicas need', () => {
    const env = podEnv();
    const known = Object.keys(envSchema.shape);
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    const parsed = loadEnv(env);
    expect(parsed.DATABASE_URL).toBeDefined();
    // Shared Redis (Socket.IO adapter, presence, rate limits) and one signing secret for all replicas.
    expect(parsed.REDIS_URL).toBeDefined();
    expect(parsed.JWT_SECRET).toBeDefined();
    // Behind the ingress the client IP comes from X-Forwarded-For.
    expect(parsed.TRUST_PROXY).not.toBe('loopback');
    // Together the replicas never send campaigns faster than the provider allows (Meta: 80/s a number).
    const hpa = one('HorizontalPodAutoscaler').spec as { maxReplicas: number };
    expect(
      parsed.BULK_CHANNEL_RATE_PER_SECOND * Math.max(hpa.maxReplicas, deploymentSpec.replicas),
    ).toBeLessThanOrEqual(80);
  });

  it('mounts one ReadWriteMany volume at DATA_DIR in every replica, for the attachments', () => {
    const pvc = one('PersistentVolumeClaim');
    expect((pvc.spec as { accessModes: string[] }).accessModes).toEqual(['ReadWriteMany']);
    const volume = pod.volumes?.find((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name);
    expect(volume).toBeDefined();
    const mount = api.volumeMounts?.find((m) => m.name === volume?.name);
    expect(mount?.mountPath).toBe(loadEnv(podEnv()).DATA_DIR);
  });

  it('exposes the replicas through a ClusterIP Service on port 80', () => {
    expect(serviceSpec.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(isSubset(serviceSpec.selector, podLabels)).toBe(true);
    expect(serviceSpec.ports.map((p) => [p.port, containerPort(p.targetPort)])).toEqual([[80, loadEnv(podEnv()).PORT]]);
  });

  it('routes the Ingress to the Service with WebSocket timeouts, the largest body the api takes, and stickiness for polling', () => {
    const ingress = one('Ingress');
    const spec = ingress.spec as {
      rules: {
        http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] };
      }[];
    };
    const backends = spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe(service.metadata.name);
      expect(serviceSpec.ports.some((p) => p.name === backend.port.name || p.port === backend.port.number)).toBe(true);
    }
    const annotations = ingress.metadata.annotations ?? {};
    const nginx = (key: string) => annotations[`nginx.ingress.kubernetes.io/${key}`];
    expect(Number(nginx('proxy-read-timeout'))).toBeGreaterThanOrEqual(3600);
    expect(Number(nginx('proxy-send-timeout'))).toBeGreaterThanOrEqual(3600);
    // The limits the replicas run with (the schema's defaults unless the ConfigMap changes them).
    const env = loadEnv(podEnv());
    const largest = Math.max(env.MAX_CAMPAIGN_JSON_BODY_BYTES, env.MAX_CSV_UPLOAD_BYTES, env.MAX_UPLOAD_BYTES);
    expect(nginxBytes(nginx('proxy-body-size'))).toBeGreaterThanOrEqual(largest);
    // The app falls back to long-polling, whose requests must all reach one pod.
    const client = readFileSync(join(root, 'apps/crm/src/app/core/realtime/realtime.service.ts'), 'utf8');
    const transports = /transports:\s*\[([^\]]*)\]/.exec(client)?.[1];
    expect(transports).toBeDefined();
    if (transports?.includes('polling')) {
      expect(nginx('affinity')).toBe('cookie');
      expect(nginx('session-cookie-name')).toBeDefined();
    }
  });

  it('budgets disruptions and scales the Deployment, never below two replicas', () => {
    const pdb = one('PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    const budget = pdb.spec as { selector: { matchLabels: Labels }; minAvailable?: number; maxUnavailable?: number };
    expect(isSubset(budget.selector.matchLabels, podLabels)).toBe(true);
    // Some replica always stays, and a drain can still evict one.
    if (budget.maxUnavailable !== undefined) expect(budget.maxUnavailable).toBe(1);
    else expect(budget.minAvailable).toBe(1);

    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    const scaling = hpa.spec as {
      scaleTargetRef: { apiVersion: string; kind: string; name: string };
      minReplicas: number;
      maxReplicas: number;
      metrics: { type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }[];
    };
    expect(scaling.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(scaling.minReplicas).toBeGreaterThanOrEqual(2);
    expect(scaling.maxReplicas).toBeGreaterThanOrEqual(scaling.minReplicas);
    const cpu = scaling.metrics.find((m) => m.resource?.name === 'cpu')?.resource?.target;
    expect(cpu?.type).toBe('Utilization');
    expect(cpu?.averageUtilization).toBeGreaterThan(0);
    // Utilization is a share of the request: there must be one.
    expect(api.resources?.requests?.['cpu']).toBeDefined();
  });

  it('has a first-install command in the README that really starts a single replica', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const sed = /sed 's\/(.+?)\/(.*?)\/' deploy\/kubernetes\/deployment\.yaml/.exec(readme);
    expect(sed).not.toBeNull();
    const text = readFileSync(join(dir, 'deployment.yaml'), 'utf8');
    const edited = text.replace(new RegExp(sed?.[1] ?? '', 'm'), sed?.[2] ?? '');
    const single = parse(edited) as typeof deployment;
    expect((single.spec as typeof deploymentSpec).replicas).toBe(1);
    expect({ ...single, spec: { ...single.spec, replicas: deploymentSpec.replicas } }).toEqual(deployment);
  });
});
