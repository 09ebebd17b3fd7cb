// SPDX-License-Identifier: Apache-2.0
#include "alembicscript.h"
// Placeholder: being written.
