package org.socketinspector.windows;

import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the operating system's CSPRNG (SunMSCAPI's {@code Windows-PRNG}) the JVM's default {@code SecureRandom} on
 * Windows. Each {@code main} calls {@link #preferOsGenerator()} first, before anything creates a temp file or a UUID.
 *
 * <p>Why: the default is the SUN provider's DRBG, which seeds itself with "system entropy" that includes every
 * network interface (NetworkInterface.getAll). Under Wine 8 that call reaches GetAnycastIpAddressTable, which Wine
 * lacks, and the JVM dies (0xc06d007f) the first time JNA extracts its DLL or sqlite-jdbc asks for a UUID.
 * {@code Windows-PRNG} draws from the OS generator directly and never lists interfaces; on real Windows it is the
 * same generator DRBG's seed comes from, so nothing weakens (docs/windows.md, "Running on Wine").
 *
 * <p>Only SecureRandom moves: the provider added at position 1 offers that one service and hands every call to
 * SunMSCAPI's instance, so signatures, ciphers and key stores keep their usual providers.
 */
public final class WindowsRandom {

    /** Name of the provider this class adds. */
    public static final String PROVIDER = "SocketInspectorOsRandom";
    static final String ALGORITHM = "Windows-PRNG";

    private WindowsRandom() {
    }

    /** On Windows: install the OS generator as the default SecureRandom (once). Elsewhere: nothing. */
    public static void preferOsGenerator() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try {
            SecureRandom os = SecureRandom.getInstance(ALGORITHM, "SunMSCAPI");
            install(os);
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            // A runtime without jdk.crypto.mscapi: keep the JVM's default (fine on real Windows).
        }
    }

    /** Puts a provider that serves {@code delegate} as the default SecureRandom first; idempotent. */
    static synchronized void install(SecureRandom delegate) {
        if (Security.getProvider(PROVIDER) == null) {
            Security.insertProviderAt(new DelegatingProvider(delegate), 1);
        }
    }

    /** One SecureRandom service, the first one registered, so {@code new SecureRandom()} picks it. */
    private static final class DelegatingProvider extends Provider {
        private static final long serialVersionUID = 1L;

        DelegatingProvider(SecureRandom delegate) {
            super(PROVIDER, "1.0", "the operating system's generator (" + delegate.getAlgorithm() + " of "
                    + delegate.getProvider().getName() + ") as the default SecureRandom");
            putService(new Service(this, "SecureRandom", ALGORITHM, Delegating.class.getName(), null,
                    Map.of("ThreadSafe", "true")) {
                @Override
                public Object newInstance(Object parameter) {
                    return new Delegating(delegate);
                }
            });
        }
    }

    /** Hands every call to the OS generator; thread-safe because that generator is. */
    private static final class Delegating extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final SecureRandom delegate;

        Delegating(SecureRandom delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            delegate.setSeed(seed);
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            delegate.nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return delegate.generateSeed(numBytes);
        }
    }
}
