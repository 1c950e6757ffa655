/*
 * The call sequences of WinsockSockets and WindowsProcessControl, written in C against the real Windows headers,
 * to run where no Windows JVM is at hand (under Wine here; on Windows it behaves the same). It prints one line per
 * step, "ok" or the error number. windows-call-sequence.sh builds and runs it.
 *
 *   windows-call-sequence.exe          the Winsock sequence of a tagged connection, a datagram, an exclusive bind,
 *                                      then the job sequence: a child in a kill-on-close job, this process exits
 *   windows-call-sequence.exe nojob    the control: the same child without the job, this process exits
 *   windows-call-sequence.exe child    (started by the two above) sleeps 30 s
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void step(const char *what, int ok) {
    printf("%-60s %s", what, ok ? "ok\n" : "FAILED");
    if (!ok) {
        printf(" (error %d)\n", WSAGetLastError());
        failures++;
    }
}

static SOCKET open_socket(int af, int type, int protocol) {
    return WSASocketW(af, type, protocol, NULL, 0, WSA_FLAG_NO_HANDLE_INHERIT);
}

static int readable(SOCKET s, int timeout) {
    WSAPOLLFD fd;
    fd.fd = s;
    fd.events = POLLRDNORM;
    fd.revents = 0;
    int n = WSAPoll(&fd, 1, timeout);
    return n > 0 && fd.revents != 0;
}

static unsigned short port_of(SOCKET s) {
    struct sockaddr_in6 name;
    int len = sizeof(name);
    getsockname(s, (struct sockaddr *) &name, &len);
    return ntohs(name.sin6_port);
}

static void winsock(void) {
    WSADATA data;
    step("WSAStartup(2.2)", WSAStartup(MAKEWORD(2, 2), &data) == 0);

    /* A dual-stack listener on [::], port 0, as Encounter's free-port reservation and the live test do. */
    SOCKET listener = open_socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
    step("WSASocketW(AF_INET6, TCP, WSA_FLAG_NO_HANDLE_INHERIT)", listener != INVALID_SOCKET);
    DWORD off = 0;
    step("setsockopt(IPV6_V6ONLY, 0)", setsockopt(listener, IPPROTO_IPV6, IPV6_V6ONLY, (char *) &off, 4) == 0);
    struct sockaddr_in6 any6;
    memset(&any6, 0, sizeof(any6));
    any6.sin6_family = AF_INET6;
    step("bind([::]:0)", bind(listener, (struct sockaddr *) &any6, sizeof(any6)) == 0);
    BOOL accepting = TRUE;
    int len = 4;
    step("getsockopt(SO_ACCEPTCONN) before listen is 0",
         getsockopt(listener, SOL_SOCKET, SO_ACCEPTCONN, (char *) &accepting, &len) == 0 && !accepting);
    step("listen", listen(listener, 64) == 0);
    len = 4;
    step("getsockopt(SO_ACCEPTCONN) after listen is 1",
         getsockopt(listener, SOL_SOCKET, SO_ACCEPTCONN, (char *) &accepting, &len) == 0 && accepting);
    step("WSAPoll(POLLRDNORM) times out with no client", !readable(listener, 50));

    SOCKET client = open_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in lo;
    memset(&lo, 0, sizeof(lo));
    lo.sin_family = AF_INET;
    lo.sin_port = htons(port_of(listener));
    lo.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    step("connect(127.0.0.1) to the dual-stack listener", connect(client, (struct sockaddr *) &lo, sizeof(lo)) == 0);
    step("send(tag)", send(client, "7\n", 2, 0) == 2);
    step("WSAPoll(POLLRDNORM) reports the pending connection", readable(listener, 2000));
    SOCKET connection = accept(listener, NULL, NULL);
    step("accept", connection != INVALID_SOCKET);
    char buffer[16];
    step("WSAPoll then recv(tag)", readable(connection, 2000) && recv(connection, buffer, sizeof(buffer), 0) == 2);
    closesocket(client);
    step("recv after the peer closed returns 0", readable(connection, 2000) && recv(connection, buffer, 16, 0) == 0);
    closesocket(connection);
    closesocket(listener);

    /* A datagram to ::1. */
    SOCKET receiver = open_socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
    SOCKET sender = open_socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
    struct sockaddr_in6 lo6;
    memset(&lo6, 0, sizeof(lo6));
    lo6.sin6_family = AF_INET6;
    lo6.sin6_addr = in6addr_loopback;
    step("bind([::1]:0) UDP", bind(receiver, (struct sockaddr *) &lo6, sizeof(lo6)) == 0);
    lo6.sin6_port = htons(port_of(receiver));
    step("sendto([::1])", sendto(sender, "9\n", 2, 0, (struct sockaddr *) &lo6, sizeof(lo6)) == 2);
    step("WSAPoll then recv(datagram)", readable(receiver, 2000) && recv(receiver, buffer, 16, 0) == 2);
    closesocket(sender);
    closesocket(receiver);

    /* SO_EXCLUSIVEADDRUSE on the first socket refuses a SO_REUSEADDR co-bind (WSAEACCES on Windows). */
    SOCKET first = open_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SOCKET second = open_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    DWORD on = 1;
    step("setsockopt(SO_EXCLUSIVEADDRUSE)", setsockopt(first, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (char *) &on, 4) == 0);
    lo.sin_port = 0;
    step("bind(127.0.0.1:0)", bind(first, (struct sockaddr *) &lo, sizeof(lo)) == 0);
    listen(first, 4);
    struct sockaddr_in taken;
    len = sizeof(taken);
    getsockname(first, (struct sockaddr *) &taken, &len);
    step("setsockopt(SO_REUSEADDR)", setsockopt(second, SOL_SOCKET, SO_REUSEADDR, (char *) &on, 4) == 0);
    int refused = bind(second, (struct sockaddr *) &taken, sizeof(taken)) == SOCKET_ERROR;
    printf("%-60s %s (error %d)\n", "second bind of the exclusive address is refused", refused ? "yes" : "NO",
           refused ? WSAGetLastError() : 0);
    closesocket(second);
    closesocket(first);
}

static PROCESS_INFORMATION start_child(const char *self) {
    char command[MAX_PATH + 16];
    snprintf(command, sizeof(command), "\"%s\" child", self);
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    step("CreateProcess(child)", CreateProcessA(NULL, command, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi));
    return pi;
}

static void job(const char *self) {
    HANDLE job = CreateJobObjectW(NULL, NULL);
    step("CreateJobObjectW", job != NULL);
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    memset(&limits, 0, sizeof(limits));
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    step("SetInformationJobObject(KILL_ON_JOB_CLOSE)",
         SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof(limits)));
    PROCESS_INFORMATION pi = start_child(self);
    /* As Java does: the process exists, then the parent opens it by PID with the rights the job call needs. */
    HANDLE byPid = OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE, pi.dwProcessId);
    step("OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE)", byPid != NULL);
    step("AssignProcessToJobObject", AssignProcessToJobObject(job, byPid));
    CloseHandle(byPid);
    printf("child pid %lu; this process now exits holding the job's only handle\n", pi.dwProcessId);
    fflush(stdout);
    ExitProcess(failures == 0 ? 0 : 1);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        Sleep(30000);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "nojob") == 0) {
        printf("child pid %lu, in no job; this process now exits\n", start_child(argv[0]).dwProcessId);
        return 0;
    }
    winsock();
    job(argv[0]);
    return 0;
}
