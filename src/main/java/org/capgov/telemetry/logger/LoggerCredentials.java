package org.capgov.telemetry.logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Salted SHA-256 of a logger's HJ 212 password. A slow hash (bcrypt) would be checked on every packet of every
 * logger; a 6-character PW has little entropy anyway, so what matters is that it is not kept in clear.
 */
final class LoggerCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LoggerCredentials() {
    }

    static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            return d.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(byte[] salt, byte[] hash, String password) {
        return password != null && MessageDigest.isEqual(hash, hash(salt, password));
    }
}
