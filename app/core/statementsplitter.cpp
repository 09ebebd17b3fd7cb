// SPDX-License-Identifier: Apache-2.0
#include "statementsplitter.h"
// Placeholder: being written.
