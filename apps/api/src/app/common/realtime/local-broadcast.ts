import type { Namespace } from 'socket.io';

/** The part of a namespace a local broadcast needs (any event map). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNamespace = Namespace<any, any, any, any>;

/**
 * Whether a broadcast to `rooms`, except the sockets in `except`, reaches a socket on this node.
 * Socket.IO serialises a packet before it looks for its recipients; a push nobody here would get
 * is cheaper to skip before that.
 */
export function reachesLocalSocket(ns: AnyNamespace, rooms: string[], except: string[]): boolean {
  const all = ns.adapter.rooms;
  const excluded = except.flatMap((room) => all.get(room) ?? []);
  for (const room of rooms)
    for (const id of all.get(room) ?? []) if (!excluded.some((sockets) => sockets.has(id))) return true;
  return false;
}

/**
 * This node's sockets in `rooms` but in none of `except`, to emit to (nothing is sent to other
 * nodes), or null when there are none: a payload can then be left unbuilt.
 */
export function localAudience(
  ns: AnyNamespace,
  rooms: string[],
  except: string[],
): { emit: AnyNamespace['emit'] } | null {
  if (!reachesLocalSocket(ns, rooms, except)) return null;
  const to = ns.local.to(rooms);
  return except.length ? to.except(except) : to;
}
