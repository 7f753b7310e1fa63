package io.strongroom.local.identitycenter;

import io.strongroom.local.http.JsonCodec;
import io.strongroom.local.storage.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered OIDC clients (RegisterClient): their secret stored by digest, valid for 90 days as AWS's. */
final class OidcClients {

    static final Duration LIFETIME = Duration.ofDays(90);

    /** A registered client as CreateToken and StartDeviceAuthorization see it. */
    record Client(String clientId, String name, List<String> scopes, Instant expiresAt) {}

    /** What RegisterClient hands back: the only time the secret exists outside the caller. */
    record Registered(String clientId, String clientSecret, Instant issuedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Registered[" + clientId + "]";
        }
    }

    private final Database db;

    OidcClients(Database db) {
        this.db = db;
    }

    Registered register(String name, String type, List<String> scopes, Instant now) {
        String clientId = Tokens.random("", 16);
        String secret = Tokens.random("", 96);
        Instant issued = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expires = issued.plus(LIFETIME);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sso_clients(client_id, secret_sha256, client_name, client_type, scopes, issued_at, expires_at)
                    VALUES (?,?,?,?,?,?,?)""")) {
                ps.setString(1, clientId);
                ps.setBytes(2, Tokens.sha256(secret));
                ps.setString(3, name);
                ps.setString(4, type);
                ps.setString(5, JsonCodec.mapper().valueToTree(scopes).toString());
                ps.setLong(6, issued.toEpochMilli());
                ps.setLong(7, expires.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return new Registered(clientId, secret, issued, expires);
    }

    /** The client whose ID and secret these are, unexpired; else InvalidClientException. */
    Client authenticate(String clientId, String clientSecret, Instant now) {
        Optional<Client> found = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT secret_sha256, client_name, scopes, expires_at FROM sso_clients WHERE client_id=?")) {
                ps.setString(1, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || clientSecret == null || !Tokens.sameDigest(rs.getBytes(1), Tokens.sha256(clientSecret))) {
                        return Optional.empty();
                    }
                    List<String> scopes = new java.util.ArrayList<>();
                    JsonCodec.mapper().readTree(rs.getString(3)).forEach(n -> scopes.add(n.asText()));
                    return Optional.of(new Client(clientId, rs.getString(2), scopes, Instant.ofEpochMilli(rs.getLong(4))));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return Optional.empty();
                }
            }
        });
        Client client = found.orElseThrow(OidcErrors::invalidClient);
        if (!now.isBefore(client.expiresAt())) {
            throw OidcErrors.invalidClient();
        }
        return client;
    }
}
