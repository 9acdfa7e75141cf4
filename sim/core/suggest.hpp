// "Did you mean …?" for misspelled names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kpsim::core {

// The closest candidate by edit distance (on UTF-8 code points), if it is
// close enough to be a plausible typo; empty otherwise.
std::string nearest_name(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// The same where the things named also have display names (names[i] is
// ids[i]'s): a display name given where the id belongs gets
// " (that is the name of 'x': refer to it by its id)".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& ids, const std::vector<std::string>& names);

}  // namespace kpsim::core
