// SPDX-License-Identifier: Apache-2.0
#include "nativescript.h"
// Placeholder: being written.
