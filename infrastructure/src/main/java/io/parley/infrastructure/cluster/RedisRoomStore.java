package io.parley.infrastructure.cluster;

import io.parley.core.port.out.RoomStore;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Rooms as Redis hashes (peer → "node|session"), with a per-node index of the rooms it has members
 * in so that survivors can evict a dead node's members. Joins and leaves are atomic Lua scripts.
 */
@ApplicationScoped
public class RedisRoomStore implements RoomStore {

    /** Returns the other members as a flat [peer, entry, ...] list, or -1 when the room is full. */
    private static final String JOIN = """
            local exists = redis.call('HEXISTS', KEYS[1], ARGV[1])
            if exists == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[4])
            local all = redis.call('HGETALL', KEYS[1])
            local others = {}
            for i = 1, #all, 2 do
              if all[i] ~= ARGV[1] then table.insert(others, all[i]); table.insert(others, all[i + 1]) end
            end
            return others
            """;
    /** Removes the member if this session holds the place; returns the remaining members. */
    private static final String LEAVE = """
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return {} end
            redis.call('HDEL', KEYS[1], ARGV[1])
            return redis.call('HGETALL', KEYS[1])
            """;

    /** Returns [tenant|room, peer, entry, ...] of the node's members; drops index rooms it has none in. */
    private static final String MEMBERSHIPS_OF = """
            local prefix = ARGV[1] .. '|'
            local found = {}
            for _, tenantRoom in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local bar = string.find(tenantRoom, '|', 1, true)
              local key = 'parley:room:' .. string.sub(tenantRoom, 1, bar - 1) .. ':' .. string.sub(tenantRoom, bar + 1)
              local all = redis.call('HGETALL', key)
              local ours = false
              for i = 1, #all, 2 do
                if string.sub(all[i + 1], 1, string.len(prefix)) == prefix then
                  ours = true
                  table.insert(found, tenantRoom); table.insert(found, all[i]); table.insert(found, all[i + 1])
                end
              end
              if not ours then redis.call('SREM', KEYS[1], tenantRoom) end
            end
            return found
            """;
    /** Puts members back only where the peer has no place in the room (a newer session is never overwritten). */
    private static final String RESTORE = """
            for i = 1, #KEYS do
              local base = 4 * (i - 1)
              if redis.call('HSETNX', KEYS[i], ARGV[base + 1], ARGV[base + 2]) == 1 then
                redis.call('SADD', ARGV[base + 3], ARGV[base + 4])
              end
            end
            return 1
            """;

    private final RedisDataSource redis;

    public RedisRoomStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public JoinOutcome join(PeerAddress peer, RoomName room, SessionLocation location, int maxPeers) {
        Response result = redis.execute("EVAL", JOIN, "2", ClusterKeys.room(peer.tenantId(), room),
                ClusterKeys.nodeRooms(location.nodeId()), peer.peerId().value(), RoomEntry.encode(location),
                Integer.toString(maxPeers), peer.tenantId() + "|" + room);
        if (result.type() == io.vertx.redis.client.ResponseType.NUMBER) {
            return new JoinOutcome.Full(maxPeers);
        }
        return new JoinOutcome.Joined(members(result));
    }

    @Override
    public List<RoomMember> leave(PeerAddress peer, RoomName room, SessionLocation location) {
        return members(redis.execute("EVAL", LEAVE, "1", ClusterKeys.room(peer.tenantId(), room),
                peer.peerId().value(), RoomEntry.encode(location)));
    }

    @Override
    public List<Departure> evictNode(String nodeId) {
        List<Departure> departures = new ArrayList<>();
        Response rooms = redis.execute("SMEMBERS", ClusterKeys.nodeRooms(nodeId));
        for (Response tenantRoom : rooms) {
            String[] parts = tenantRoom.toString().split("\\|", 2);
            TenantId tenant = new TenantId(UUID.fromString(parts[0]));
            RoomName room = new RoomName(parts[1]);
            List<RoomMember> all = members(redis.execute("EVAL", "return redis.call('HGETALL', KEYS[1])", "1",
                    ClusterKeys.room(tenant, room)));
            List<RoomMember> remaining = all.stream().filter(m -> !m.location().nodeId().equals(nodeId)).toList();
            for (RoomMember gone : all) {
                if (gone.location().nodeId().equals(nodeId)) {
                    redis.execute("HDEL", ClusterKeys.room(tenant, room), gone.peerId().value());
                    departures.add(new Departure(tenant, room, gone, remaining));
                }
            }
        }
        redis.execute("DEL", ClusterKeys.nodeRooms(nodeId));
        return departures;
    }

    @Override
    public void refresh(Collection<Membership> live) {
        if (live.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(RESTORE, Integer.toString(live.size())));
        live.forEach(m -> args.add(ClusterKeys.room(m.peer().tenantId(), m.room())));
        live.forEach(m -> {
            args.add(m.peer().peerId().value());
            args.add(RoomEntry.encode(m.location()));
            args.add(ClusterKeys.nodeRooms(m.location().nodeId()));
            args.add(m.peer().tenantId() + "|" + m.room());
        });
        redis.execute("EVAL", args.toArray(String[]::new));
    }

    @Override
    public List<Membership> membershipsOf(String nodeId) {
        Response found = redis.execute("EVAL", MEMBERSHIPS_OF, "1", ClusterKeys.nodeRooms(nodeId), nodeId);
        List<Membership> memberships = new ArrayList<>();
        for (int i = 0; i + 2 < found.size(); i += 3) {
            String[] tenantRoom = found.get(i).toString().split("\\|", 2);
            try {
                TenantId tenant = new TenantId(UUID.fromString(tenantRoom[0]));
                RoomEntry.decode(found.get(i + 1).toString(), found.get(i + 2).toString()).ifPresent(member ->
                        memberships.add(new Membership(new PeerAddress(tenant, member.peerId()),
                                new RoomName(tenantRoom[1]), member.location())));
            } catch (RuntimeException e) {
                // not an entry Parley wrote; leave it to eviction
            }
        }
        return memberships;
    }

    private static List<RoomMember> members(Response flat) {
        List<RoomMember> members = new ArrayList<>();
        if (flat == null) {
            return members;
        }
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            RoomEntry.decode(flat.get(i).toString(), flat.get(i + 1).toString()).ifPresent(members::add);
        }
        return members;
    }
}
