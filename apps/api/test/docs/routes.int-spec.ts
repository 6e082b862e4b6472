import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { contractRoutes, staffRoles } from '@switchboard/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/app/common/auth/auth.decorators';
import { startTestApp, type TestApp } from '../support/test-app';

interface Mounted {
  route: string;
  roles: string;
}

/** `/api` + the controller's path + the handler's, with `:params` as the contract writes them. */
const join = (...parts: string[]) =>
  `/${['api', ...parts]
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;
const describeRoles = (roles: readonly string[] | 'public') =>
  roles === 'public' ? 'public' : [...roles].sort().join(',');

/** Every route Nest mounted, from the controllers' decorators: method, path and who may call it. */
function mountedRoutes(app: TestApp): Mounted[] {
  const mounted: Mounted[] = [];
  for (const module of app.server.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = join(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''));
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, type);
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
          Reflect.getMetadata(ROLES_KEY, type) ??
          staffRoles) as string[];
        mounted.push({ route: `${method} ${path}`, roles: isPublic ? 'public' : describeRoles(roles) });
      }
    }
  }
  return mounted;
}

/** The contract's route tables and the controllers are two descriptions of one API: they must agree. */
describe('the contract and the mounted routes agree', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('every route of the contract is mounted, with the same method, path and roles, and nothing else is', () => {
    const mounted = new Map(mountedRoutes(app).map((m) => [m.route, m.roles]));
    const contract = new Map(contractRoutes.map((r) => [`${r.method} ${r.path}`, describeRoles(r.roles)]));
    const missing = [...contract.keys()].filter((r) => !mounted.has(r));
    const extra = [...mounted.keys()].filter((r) => !contract.has(r));
    const differentRoles = [...contract]
      .filter(([r, roles]) => mounted.has(r) && mounted.get(r) !== roles)
      .map(([r, roles]) => `${r}: contract ${roles}, mounted ${mounted.get(r)}`);
    expect({ missing, extra, differentRoles }).toEqual({ missing: [], extra: [], differentRoles: [] });
    expect(contract.size).toBeGreaterThan(40);
  });
});
