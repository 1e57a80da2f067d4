#ifndef CHAVIPLAB_H
#define CHAVIPLAB_H

#ifdef __linux__
#include <netpacket/packet.h>
#include <net/ethernet.h>
#include <linux/filter.h>

/// Moves the calling thread into the network namespace that `fd` (an open /run/netns/NAME) refers to:
/// setns(2) with CLONE_NEWNET, which Glibc declares only under _GNU_SOURCE. Returns 0, or -1 with errno set.
int havip_join_network_namespace(int fd);
#endif

#endif
