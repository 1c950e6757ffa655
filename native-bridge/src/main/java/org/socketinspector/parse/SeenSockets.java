package org.socketinspector.parse;

/**
 * The sockets a parser has already listed, for merging the rows of one socket that several processes hold (lsof
 * prints it once per descriptor, not next to each other). Kept as two longs a socket in one open-addressing table,
 * about 34 bytes each at most half full, instead of a key string (about 150 bytes): a 200 MB lsof capture (~2 M rows) needs ~64 MB.
 *
 * <p>The first long is the DEVICE column as a number (Linux: the socket's inode; macOS: its kernel address), which
 * alone names a socket within one capture; the second a 64-bit hash of the rest of the key (protocol and endpoints),
 * so two rows are merged only when their device is equal and their endpoints hash alike.
 */
final class SeenSockets {

    private static final int FIRST_CAPACITY = 1 << 10; // pairs; a power of two
    private long[] table = new long[2 * FIRST_CAPACITY];
    private boolean[] used = new boolean[FIRST_CAPACITY];
    private int size;

    /** @return true when this socket was not seen before (and is now) */
    boolean add(String device, String rest) {
        long a = deviceNumber(device);
        long b = hash(rest);
        if (2 * (size + 1) > used.length) {
            grow();
        }
        if (!insert(table, used, a, b)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, boolean[] used, long a, long b) {
        int mask = used.length - 1;
        for (int slot = (int) mix(a ^ Long.rotateLeft(b, 31)) & mask; ; slot = (slot + 1) & mask) {
            if (!used[slot]) {
                used[slot] = true;
                table[2 * slot] = a;
                table[2 * slot + 1] = b;
                return true;
            }
            if (table[2 * slot] == a && table[2 * slot + 1] == b) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldTable = table;
        boolean[] oldUsed = used;
        table = new long[oldTable.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int slot = 0; slot < oldUsed.length; slot++) {
            if (oldUsed[slot]) {
                insert(table, used, oldTable[2 * slot], oldTable[2 * slot + 1]);
            }
        }
    }

    /** "1107672" or "0xc61aec2ce64a7433" as the number it is; anything else by its hash. */
    private static long deviceNumber(String device) {
        try {
            return device.startsWith("0x") ? Long.parseUnsignedLong(device.substring(2), 16) : Long.parseLong(device);
        } catch (NumberFormatException e) {
            return hash(device);
        }
    }

    /** FNV-1a over the characters, then a final mix: spreads keys that differ in one port digit. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** The finaliser of MurmurHash3 (fmix64). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
