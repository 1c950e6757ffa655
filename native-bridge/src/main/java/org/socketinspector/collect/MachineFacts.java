package org.socketinspector.collect;

/**
 * What an experiment's record says about the machine it ran on.
 *
 * @param hostName      the host name the OS already knows (no DNS look-up)
 * @param kernelRelease the kernel or OS release
 */
public record MachineFacts(String hostName, String kernelRelease) {
}
