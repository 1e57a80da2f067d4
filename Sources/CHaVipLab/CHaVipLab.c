#ifdef __linux__
#define _GNU_SOURCE
#include <sched.h>
#include "CHaVipLab.h"

int havip_join_network_namespace(int fd) {
    return setns(fd, CLONE_NEWNET);
}
#endif
