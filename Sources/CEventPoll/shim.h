// Linux readiness notification (epoll, eventfd) for the database event loop
// (WorkbenchPostgres/EventLoop). Thin wrappers keep Swift away from the packed
// `struct epoll_event` and the `epoll_data` union.
#ifndef DANGJIAN_CEVENTPOLL_SHIM_H
#define DANGJIAN_CEVENTPOLL_SHIM_H

#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

/// Readiness bits as plain integers.
static const uint32_t dj_poll_in = EPOLLIN;
static const uint32_t dj_poll_out = EPOLLOUT;
static const uint32_t dj_poll_err = EPOLLERR;
static const uint32_t dj_poll_hup = EPOLLHUP;

/// epoll_ctl with the event's data as a 64-bit token.
static inline int dj_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = token;
    return epoll_ctl(epfd, op, fd, &event);
}

static inline int dj_epoll_add(int epfd, int fd, uint32_t events, uint64_t token) {
    return dj_epoll_ctl(epfd, EPOLL_CTL_ADD, fd, events, token);
}

static inline int dj_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token) {
    return dj_epoll_ctl(epfd, EPOLL_CTL_MOD, fd, events, token);
}

static inline int dj_epoll_remove(int epfd, int fd) {
    return dj_epoll_ctl(epfd, EPOLL_CTL_DEL, fd, 0, 0);
}

/// epoll_wait into two parallel arrays (tokens and readiness bits); at most 64 events.
/// Returns the number of events, 0 on timeout, -1 with errno on error.
static inline int dj_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int max, int timeout_ms) {
    struct epoll_event buffer[64];
    if (max > 64) max = 64;
    int count = epoll_wait(epfd, buffer, max, timeout_ms);
    for (int i = 0; i < count; i++) {
        tokens[i] = buffer[i].data.u64;
        events[i] = buffer[i].events;
    }
    return count;
}

static inline int dj_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }
static inline int dj_eventfd_create(void) { return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }

static inline void dj_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t written = write(fd, &one, sizeof one);
    (void)written;
}

static inline void dj_eventfd_drain(int fd) {
    uint64_t value;
    ssize_t got = read(fd, &value, sizeof value);
    (void)got;
}

static inline int dj_errno(void) { return errno; }

#endif
