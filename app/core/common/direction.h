// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace retort {

enum class Direction { Upgrade, Downgrade };

} // namespace retort
