#ifndef EVENTMAPPER_CLIBPQ_SHIM_H
#define EVENTMAPPER_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
