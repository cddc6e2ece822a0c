// libxlsxwriter (Debian: libxlsxwriter-dev), the C library dangjianctl writes .xlsx workbooks with.
#include <xlsxwriter.h>
