package org.socketinspector.windows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default-SecureRandom switch, with a stand-in for SunMSCAPI's generator (off Windows there is none). That it
 * keeps the JVM alive under Wine is shown by WindowsTestsOnWineTest, which runs the Windows live tests there.
 */
class WindowsRandomTest {

    @BeforeEach
    void startWithoutTheProvider() {
        Security.removeProvider(WindowsRandom.PROVIDER);
    }

    /** Leaves the JVM as a main leaves it (on Windows the OS generator stays the default: WindowsTestsMain). */
    @AfterEach
    void restoreTheStartUpState() {
        Security.removeProvider(WindowsRandom.PROVIDER);
        WindowsRandom.preferOsGenerator();
    }

    @Test
    void theDefaultSecureRandomIsServedByTheInstalledGenerator() throws NoSuchAlgorithmException {
        CountingRandom os = new CountingRandom();
        WindowsRandom.install(os);
        WindowsRandom.install(os); // twice: still one provider, at position 1

        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);

        assertThat(random.getProvider().getName()).isEqualTo(WindowsRandom.PROVIDER);
        assertThat(random.getAlgorithm()).isEqualTo("Windows-PRNG");
        assertThat(os.served).isEqualTo(16);
        assertThat(Security.getProviders()[0].getName()).isEqualTo(WindowsRandom.PROVIDER);
        assertThat(Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals(WindowsRandom.PROVIDER)))
                .hasSize(1);
        // Only SecureRandom moves: digests, signatures and ciphers keep their providers.
        assertThat(java.security.MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("SUN");
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsTheDefaultIsTheOsGeneratorAndTempFilesAndUuidsWork() throws Exception {
        WindowsRandom.preferOsGenerator();
        SecureRandom random = new SecureRandom();
        assertThat(random.getProvider().getName()).isEqualTo(WindowsRandom.PROVIDER);
        assertThat(random.generateSeed(8)).hasSize(8);
        // The two calls that killed the JVM under Wine before: a temp file (JNA's extraction) and a UUID (sqlite-jdbc).
        java.io.File temp = java.io.File.createTempFile("si-random", ".tmp");
        assertThat(temp.delete()).isTrue();
        assertThat(java.util.UUID.randomUUID().version()).isEqualTo(4);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsNothingIsInstalled() {
        WindowsRandom.preferOsGenerator();
        assertThat(Security.getProvider(WindowsRandom.PROVIDER)).isNull();
    }

    /** Counts what it hands out; the bytes come from an explicitly seeded generator (a test, not a CSPRNG). */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SecureRandom source;
        int served;

        CountingRandom() throws NoSuchAlgorithmException {
            this.source = SecureRandom.getInstance("SHA1PRNG");
            // Seeded here: an unseeded SHA1PRNG would seed itself from the system, as DRBG does (kills Wine 8).
            source.setSeed(new byte[] {1, 2, 3, 4});
        }

        @Override
        public String getAlgorithm() {
            return "stand-in";
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            served += bytes.length;
            source.nextBytes(bytes);
        }
    }
}
