package org.gridvault.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.prf.Prf;

/**
 * The platform's own keys: the key-encryption key that wraps every person's keyset, and the key behind pseudonyms
 * and lookup hashes. {@link LocalKeyFile} keeps them in a file in the data directory; a production deployment can
 * implement this with a KMS (the KEK then never leaves it).
 */
public interface MasterKeys {

    /** Wraps and unwraps per-person keysets. */
    Aead keyEncryptionKey();

    /** A pseudorandom function: keyed hashes that cannot be computed or reversed without the key. */
    Prf pseudonymKey();
}
