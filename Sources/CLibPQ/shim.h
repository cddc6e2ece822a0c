// The libpq client API, from Debian's libpq-dev (see Package.swift, target CLibPQ).
#ifndef DANGJIAN_CLIBPQ_SHIM_H
#define DANGJIAN_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
