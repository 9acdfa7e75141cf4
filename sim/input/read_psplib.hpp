// PSPLIB single-mode RCPSP files (`.sm`): read by their section headers,
// with located errors (file:line:column, the section and field) for anything
// malformed or inconsistent.
#pragma once

#include <string>

#include "sim/model/rcpsp.hpp"

namespace kpsim::input {

// Throws model::InputError.
model::RcpspInstance load_psplib(const std::string& path);
model::RcpspInstance load_psplib_text(const std::string& text, const std::string& path);

}  // namespace kpsim::input
