/*
 * Prints the Windows SDK facts that the Java mappings in native-bridge hard-code (constants, struct sizes and
 * offsets), as NAME=value lines, from the real headers (mingw-w64's). windows-header-facts.sh builds and runs it;
 * WindowsHeaderFactsTest compares its stored output with the Java side.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <stddef.h>
#include <stdio.h>

#define FACT(name, value) printf("%s=%lld\n", name, (long long) (value))

int main(void) {
    /* ws2def.h, winsock2.h, ws2ipdef.h */
    FACT("AF_INET", AF_INET);
    FACT("AF_INET6", AF_INET6);
    FACT("SOCK_STREAM", SOCK_STREAM);
    FACT("SOCK_DGRAM", SOCK_DGRAM);
    FACT("IPPROTO_TCP", IPPROTO_TCP);
    FACT("IPPROTO_UDP", IPPROTO_UDP);
    FACT("IPPROTO_IPV6", IPPROTO_IPV6);
    FACT("IPV6_V6ONLY", IPV6_V6ONLY);
    FACT("SOL_SOCKET", SOL_SOCKET);
    FACT("SO_REUSEADDR", SO_REUSEADDR);
    FACT("SO_EXCLUSIVEADDRUSE", SO_EXCLUSIVEADDRUSE);
    FACT("SO_ACCEPTCONN", SO_ACCEPTCONN);
    FACT("SOCKET_ERROR", SOCKET_ERROR);
    FACT("WSA_FLAG_NO_HANDLE_INHERIT", WSA_FLAG_NO_HANDLE_INHERIT);
    FACT("POLLRDNORM", POLLRDNORM);
    FACT("sizeof(WSAPOLLFD)", sizeof(WSAPOLLFD));
    FACT("offsetof(WSAPOLLFD.events)", offsetof(WSAPOLLFD, events));
    FACT("offsetof(WSAPOLLFD.revents)", offsetof(WSAPOLLFD, revents));
    FACT("sizeof(WSADATA)", sizeof(WSADATA));
    FACT("sizeof(sockaddr_in)", sizeof(struct sockaddr_in));
    FACT("sizeof(sockaddr_in6)", sizeof(struct sockaddr_in6));
    FACT("offsetof(sockaddr_in.sin_port)", offsetof(struct sockaddr_in, sin_port));
    FACT("offsetof(sockaddr_in.sin_addr)", offsetof(struct sockaddr_in, sin_addr));
    FACT("offsetof(sockaddr_in6.sin6_port)", offsetof(struct sockaddr_in6, sin6_port));
    FACT("offsetof(sockaddr_in6.sin6_addr)", offsetof(struct sockaddr_in6, sin6_addr));
    FACT("offsetof(sockaddr_in6.sin6_scope_id)", offsetof(struct sockaddr_in6, sin6_scope_id));
    /* winerror.h */
    FACT("WSAEACCES", WSAEACCES);
    FACT("WSAEINVAL", WSAEINVAL);
    FACT("WSAENOPROTOOPT", WSAENOPROTOOPT);
    FACT("WSAEWOULDBLOCK", WSAEWOULDBLOCK);
    FACT("WSAEADDRINUSE", WSAEADDRINUSE);
    FACT("WSAEADDRNOTAVAIL", WSAEADDRNOTAVAIL);
    FACT("WSAECONNRESET", WSAECONNRESET);
    FACT("WSAENOTCONN", WSAENOTCONN);
    FACT("WSAETIMEDOUT", WSAETIMEDOUT);
    FACT("WSAECONNREFUSED", WSAECONNREFUSED);
    /* winnt.h, jobapi2.h */
    FACT("JobObjectExtendedLimitInformation", JobObjectExtendedLimitInformation);
    FACT("JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE", JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE);
    FACT("PROCESS_TERMINATE", PROCESS_TERMINATE);
    FACT("PROCESS_SET_QUOTA", PROCESS_SET_QUOTA);
    FACT("sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION)", sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION));
    FACT("offsetof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION.BasicLimitInformation.LimitFlags)",
         offsetof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, BasicLimitInformation.LimitFlags));
    /* iphlpapi: the owner-PID rows the collector decodes */
    FACT("sizeof(MIB_TCPROW_OWNER_PID)", sizeof(MIB_TCPROW_OWNER_PID));
    FACT("sizeof(MIB_TCP6ROW_OWNER_PID)", sizeof(MIB_TCP6ROW_OWNER_PID));
    FACT("sizeof(MIB_UDPROW_OWNER_PID)", sizeof(MIB_UDPROW_OWNER_PID));
    FACT("sizeof(MIB_UDP6ROW_OWNER_PID)", sizeof(MIB_UDP6ROW_OWNER_PID));
    return 0;
}
