import type { OktaAppUser, OktaLogEvent, OktaUser } from '../../../core/evidence/vendor-types';
import {
  matchesOktaFilter,
  matchesOktaQ,
  OktaQueryError,
  parseOktaFilter,
  toOktaErrorBody,
} from '../query/okta-filter';
import type { Route, RouteRequest, RouteResponse } from '../server/http';
import type { DemoTenantState } from '../tenant-state';
import type { OktaAuth } from './okta-auth';
import { badRequest, notFound } from './okta-errors';

const DAY = 86_400_000;

/** Fields Okta's listApplications filter supports (management API: id, status, name, signing kid, SLO, user.id). */
const APP_FILTER_FIELDS = ['id', 'status', 'name', 'credentials', 'settings', 'user'] as const;

/** Scopes per route family (what an OAuth service app must be granted). */
const SCOPE = {
  users: 'okta.users.read',
  apps: 'okta.apps.read',
  logs: 'okta.logs.read',
  policies: 'okta.policies.read',
} as const;

function queryError(req: RouteRequest, error: OktaQueryError): RouteResponse {
  return { status: error.status, body: toOktaErrorBody(error, `oae${req.requestId.slice(0, 19)}`) };
}

/**
 * An opaque System Log paging cursor: the offset in the query's result and the start of its
 * window (the next link drops `since`, as Okta's does, so the cursor has to carry it: without it
 * page 2 would count its offset into a different result), base64url so clients treat it as opaque.
 */
function encodeCursor(offset: number, since: number): string {
  return Buffer.from(JSON.stringify({ o: offset, s: since })).toString('base64url');
}

function decodeCursor(after: string): { readonly offset: number; readonly since: number } | null {
  try {
    const value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    return valid(value.o) && valid(value.s) ? { offset: value.o, since: value.s } : null;
  } catch {
    return null;
  }
}

function linkHeader(self: string, next: string | null): Record<string, string> {
  return { Link: [`<${self}>; rel="self"`, ...(next === null ? [] : [`<${next}>; rel="next"`])].join(', ') };
}

/** Indexes for the lookups the routes make often. */
interface OktaIndex {
  readonly usersById: ReadonlyMap<string, OktaUser>;
  readonly usersByLogin: ReadonlyMap<string, OktaUser>;
  readonly usersByShortName: ReadonlyMap<string, OktaUser>;
  readonly appUsers: ReadonlyMap<string, ReadonlyMap<string, OktaAppUser>>;
}

function buildIndex(state: DemoTenantState): OktaIndex {
  const usersById = new Map<string, OktaUser>();
  const usersByLogin = new Map<string, OktaUser>();
  const usersByShortName = new Map<string, OktaUser>();
  for (const user of state.okta.users) {
    usersById.set(user.id, user);
    const login = user.profile?.login;
    if (typeof login === 'string') {
      usersByLogin.set(login.toLowerCase(), user);
      usersByShortName.set(login.split('@')[0]?.toLowerCase() ?? '', user);
    }
  }
  const appUsers = new Map<string, Map<string, OktaAppUser>>();
  for (const [appId, list] of Object.entries(state.okta.appUsers))
    appUsers.set(appId, new Map(list.map((u) => [u.id, u])));
  return { usersById, usersByLogin, usersByShortName, appUsers };
}

/**
 * The Okta management API routes of the simulator, over a rendered tenant.
 *
 * Shapes, status codes and errors follow Okta's API: 404 E0000007 for unknown objects, Link
 * headers for paging, the System Log's bounded and polling query semantics.
 */
export function oktaRoutes(state: DemoTenantState, auth: OktaAuth, orgUrl: () => string, now: () => Date): Route[] {
  const index = buildIndex(state);

  const guarded =
    (scope: string, handle: (req: RouteRequest) => RouteResponse): ((req: RouteRequest) => RouteResponse) =>
    (req) =>
      auth.authorize(req, scope) ?? handle(req);

  /** A per-user source fault when the request singles out a faulted user (see DemoTenantState.faults). */
  const faultFor = (source: 'okta.user' | 'okta.logEvents', req: RouteRequest, text: string): RouteResponse | null => {
    const lower = text.toLowerCase();
    for (const fault of state.faults ?? []) {
      if (fault.source !== source) continue;
      const user = index.usersByLogin.get(fault.upn);
      if (lower.includes(fault.upn) || (user !== undefined && text.includes(user.id))) {
        return {
          status: fault.status,
          body: {
            errorCode: fault.code,
            errorSummary: fault.message,
            errorLink: fault.code,
            errorId: `oae${req.requestId.slice(0, 19)}`,
            errorCauses: [],
          },
        };
      }
    }
    return null;
  };

  const findUser = (key: string): OktaUser | undefined =>
    index.usersById.get(key) ??
    index.usersByLogin.get(key.toLowerCase()) ??
    index.usersByShortName.get(key.toLowerCase());

  /*
   * Results of recent System Log queries, by window and filter, for their next pages: paging a
   * 50,000-event user would otherwise scan and filter the whole log once per page, on the same
   * thread as the client under test (Okta does that work on its own servers). The log never
   * changes after rendering, so a result stays right.
   */
  const logResults = new Map<string, readonly OktaLogEvent[]>();

  const logs = (req: RouteRequest): RouteResponse => {
    const q = req.url.searchParams;
    const faulted = faultFor('okta.logEvents', req, `${q.get('filter') ?? ''} ${q.get('q') ?? ''}`);
    if (faulted !== null) return faulted;
    const untilText = q.get('until');
    const sinceText = q.get('since');
    const after = q.get('after');
    if (sinceText !== null && after !== null)
      return badRequest(req.requestId, 'since and after cannot both be specified');
    const cursor = after === null ? null : decodeCursor(after);
    if (after !== null && cursor === null) return badRequest(req.requestId, 'after is not a valid cursor');
    const until = untilText === null ? now().getTime() : Date.parse(untilText);
    const since = cursor?.since ?? (sinceText === null ? until - 7 * DAY : Date.parse(sinceText));
    if (Number.isNaN(since) || Number.isNaN(until))
      return badRequest(req.requestId, 'since and until must be ISO 8601 timestamps');
    if (since < now().getTime() - 180 * DAY)
      return {
        status: 400,
        body: {
          errorCode: 'E0000053',
          errorSummary: 'Invalid value for since: it must be within the last 180 days',
          errorLink: 'E0000053',
          errorId: `oae${req.requestId.slice(0, 19)}`,
          errorCauses: [],
        },
      };
    const limitText = q.get('limit') ?? '100';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit > 1000)
      return badRequest(req.requestId, 'limit must be an integer between 0 and 1000');
    const sortOrder = (q.get('sortOrder') ?? 'ASCENDING').toUpperCase();
    if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING')
      return badRequest(req.requestId, 'sortOrder must be ASCENDING or DESCENDING');
    let matches: (event: OktaLogEvent) => boolean;
    try {
      const filterText = q.get('filter');
      const keywords = q.get('q');
      const filter = filterText === null || filterText === '' ? null : parseOktaFilter(filterText);
      matches = (event) =>
        (filter === null || matchesOktaFilter(filter, event)) &&
        (keywords === null || keywords === '' || matchesOktaQ(event, keywords));
      if (keywords !== null) matchesOktaQ({}, keywords); // validates the keywords even when no event is scanned
    } catch (error: unknown) {
      if (error instanceof OktaQueryError) return queryError(req, error);
      throw error;
    }
    // Retention: nothing older than 90 days is returned, whatever `since` says.
    const floor = Math.max(since, now().getTime() - 90 * DAY);
    const key = JSON.stringify([floor, until, q.get('filter'), q.get('q'), sortOrder]);
    let result = logResults.get(key);
    if (result === undefined) {
      const found: OktaLogEvent[] = [];
      for (const event of state.okta.logEvents) {
        const t = Date.parse(event.published);
        if (t >= floor && t < until && matches(event)) found.push(event);
      }
      if (sortOrder === 'DESCENDING') found.reverse();
      result = found;
      logResults.set(key, result);
      // Bounded: a few queries paged at once (a sliced week) is all a run needs.
      for (const old of logResults.keys()) {
        if (logResults.size <= 16) break;
        logResults.delete(old);
      }
    }
    const offset = cursor?.offset ?? 0;
    const page = result.slice(offset, offset + limit);
    const polling = untilText === null;
    // A bounded query ends; a polling query (no until) always offers a next page.
    const nextOffset = offset + page.length;
    const hasNext = polling || nextOffset < result.length;
    const base = new URL(`${orgUrl()}/api/v1/logs`);
    for (const [k, v] of q) if (k !== 'after') base.searchParams.set(k, v);
    const self = base.toString();
    let next: string | null = null;
    if (hasNext) {
      const nextUrl = new URL(self);
      nextUrl.searchParams.delete('since');
      nextUrl.searchParams.set('after', encodeCursor(nextOffset, since));
      // Keep the window on the next page: the cursor replaces since, until stays.
      if (!polling) nextUrl.searchParams.set('until', new Date(until).toISOString());
      next = nextUrl.toString();
    }
    return { status: 200, body: page, headers: linkHeader(self, next) };
  };

  const listApps = (req: RouteRequest): RouteResponse => {
    const q = req.url.searchParams;
    const expand = q.get('expand');
    const expandUser = expand?.startsWith('user/') === true ? expand.slice('user/'.length) : null;
    let apps = state.okta.apps;
    const filterText = q.get('filter');
    if (filterText !== null && filterText !== '') {
      try {
        const filter = parseOktaFilter(filterText, { fields: APP_FILTER_FIELDS });
        // `user.id eq "00u…"` matches apps the user is assigned to: expose the assigned ids as an array.
        apps = apps.filter((app) =>
          matchesOktaFilter(filter, { ...app, user: { id: [...(index.appUsers.get(app.id)?.keys() ?? [])] } }),
        );
      } catch (error: unknown) {
        if (error instanceof OktaQueryError) return queryError(req, error);
        throw error;
      }
    }
    const keyword = q.get('q')?.toLowerCase();
    if (keyword !== undefined && keyword !== '') {
      apps = apps.filter(
        (a) =>
          a.label?.toLowerCase().startsWith(keyword) === true || a.name?.toLowerCase().startsWith(keyword) === true,
      );
    }
    const body = apps.map((app) => {
      if (expandUser === null) return app;
      const appUser = index.appUsers.get(app.id)?.get(expandUser);
      return appUser === undefined ? app : { ...app, _embedded: { user: appUser } };
    });
    return { status: 200, body };
  };

  const listAppUsers = (req: RouteRequest): RouteResponse => {
    const users = index.appUsers.get(req.params.appId ?? '');
    if (users === undefined) return notFound(req.requestId, `${req.params.appId ?? ''} (AppInstance)`);
    const limit = Math.min(500, Math.max(1, Number(req.url.searchParams.get('limit') ?? '50') || 50));
    const all = [...users.values()];
    const after = req.url.searchParams.get('after');
    const start = after === null ? 0 : all.findIndex((u) => u.id === after) + 1;
    const page = all.slice(start, start + limit);
    const self = `${orgUrl()}/api/v1/apps/${encodeURIComponent(req.params.appId ?? '')}/users?limit=${String(limit)}`;
    const last = page.at(-1);
    const next =
      start + page.length < all.length && last !== undefined ? `${self}&after=${encodeURIComponent(last.id)}` : null;
    return { status: 200, body: page, headers: linkHeader(self, next) };
  };

  return [
    { method: 'POST', path: '/oauth2/v1/token', key: 'okta.token', handle: (req) => auth.token(req) },
    {
      method: 'GET',
      path: '/api/v1/users/:id/appLinks',
      key: 'okta.users',
      handle: guarded(SCOPE.users, (req) => {
        const user = findUser(req.params.id ?? '');
        if (user === undefined) return notFound(req.requestId, `${req.params.id ?? ''} (User)`);
        const links = state.okta.apps
          .filter((app) => index.appUsers.get(app.id)?.has(user.id) === true)
          .map((app, i) => ({
            id: `00ub0oNGTSWTBKOLGLNR${String(i)}`,
            label: app.label ?? app.name ?? app.id,
            linkUrl: `${orgUrl()}/home/${app.name ?? 'app'}/${app.id}/${String(i)}`,
            appName: app.name ?? 'app',
            appInstanceId: app.id,
            appAssignmentId: `0ua${app.id.slice(3)}`,
            credentialsSetup: false,
            hidden: false,
            sortOrder: i,
          }));
        return { status: 200, body: links };
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/users/:id',
      key: 'okta.users',
      handle: guarded(SCOPE.users, (req) => {
        const key = req.params.id ?? '';
        const user = findUser(key);
        const faulted = faultFor('okta.user', req, `${key} ${user?.profile?.login ?? ''}`);
        if (faulted !== null) return faulted;
        return user === undefined ? notFound(req.requestId, `${key} (User)`) : { status: 200, body: user };
      }),
    },
    { method: 'GET', path: '/api/v1/apps', key: 'okta.apps', handle: guarded(SCOPE.apps, listApps) },
    { method: 'GET', path: '/api/v1/apps/:appId/users', key: 'okta.apps', handle: guarded(SCOPE.apps, listAppUsers) },
    {
      method: 'GET',
      path: '/api/v1/apps/:appId/users/:userId',
      key: 'okta.apps',
      handle: guarded(SCOPE.apps, (req) => {
        const users = index.appUsers.get(req.params.appId ?? '');
        if (users === undefined) return notFound(req.requestId, `${req.params.appId ?? ''} (AppInstance)`);
        const user = users.get(req.params.userId ?? '');
        return user === undefined
          ? notFound(req.requestId, `${req.params.userId ?? ''} (AppUser)`)
          : { status: 200, body: user };
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/apps/:appId/credentials/keys',
      key: 'okta.apps',
      handle: guarded(SCOPE.apps, (req) => {
        const keys = state.okta.appKeys[req.params.appId ?? ''];
        return keys === undefined
          ? notFound(req.requestId, `${req.params.appId ?? ''} (AppInstance)`)
          : { status: 200, body: keys };
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/apps/:appId',
      key: 'okta.apps',
      handle: guarded(SCOPE.apps, (req) => {
        const app = state.okta.apps.find((a) => a.id === req.params.appId);
        return app === undefined
          ? notFound(req.requestId, `${req.params.appId ?? ''} (AppInstance)`)
          : { status: 200, body: app };
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/policies/:policyId/rules',
      key: 'okta.policies',
      handle: guarded(SCOPE.policies, (req) => {
        const rules = state.okta.policyRules[req.params.policyId ?? ''];
        return rules === undefined
          ? notFound(req.requestId, `${req.params.policyId ?? ''} (Policy)`)
          : { status: 200, body: rules };
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/policies/:policyId',
      key: 'okta.policies',
      handle: guarded(SCOPE.policies, (req) => {
        const policy = state.okta.policies.find((p) => p.id === req.params.policyId);
        return policy === undefined
          ? notFound(req.requestId, `${req.params.policyId ?? ''} (Policy)`)
          : { status: 200, body: policy };
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/policies',
      key: 'okta.policies',
      handle: guarded(SCOPE.policies, (req) => {
        const type = req.url.searchParams.get('type');
        if (type === null || type === '') return badRequest(req.requestId, 'type: The type parameter is required.');
        return { status: 200, body: state.okta.policies.filter((p) => p.type === type) };
      }),
    },
    { method: 'GET', path: '/api/v1/logs', key: 'okta.logs', handle: guarded(SCOPE.logs, logs) },
  ];
}
