// SPDX-License-Identifier: Apache-2.0
#include "databaseurl.h"
// Placeholder: being written.
