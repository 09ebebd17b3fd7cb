// SPDX-License-Identifier: Apache-2.0
#include "projectconfig.h"
// Placeholder: being written.
