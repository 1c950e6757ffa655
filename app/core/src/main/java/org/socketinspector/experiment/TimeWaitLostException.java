package org.socketinspector.experiment;

/**
 * The victim's TIME_WAIT connection is not there when the attacker is about to bind: the kernel drops new TIME_WAIT
 * sockets when net.ipv4.tcp_max_tw_buckets is reached (TcpExtTCPTimeWaitOverflow), e.g. while thousands of loopback
 * connections of other cells are in TIME_WAIT. The cell cannot be measured on that port; it is run again.
 */
public final class TimeWaitLostException extends ExperimentException {

    public TimeWaitLostException(String message) {
        super(message);
    }
}
