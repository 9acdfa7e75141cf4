// Partial results a resumed command may reuse only if they verify: each
// file ends with a checksum of its text and of what it belongs to (a
// sweep's or a calibration's fingerprint and the part's name), and is read
// only if it is a regular file — not a link, a FIFO or a folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kpsim::output {

// Written to a temporary name and renamed into place.
void write_checked(const std::filesystem::path& file, const std::string& text, const std::string& key);
// The text, or nullopt when the file is missing, not a regular file,
// truncated, edited, or saved for another key.
std::optional<std::string> read_checked(const std::filesystem::path& file, const std::string& key);

// The whole of a regular file ("" for anything else).
std::string read_regular_file(const std::filesystem::path& file);
// Written to a temporary name and renamed into place.
void write_file_atomically(const std::filesystem::path& file, const std::string& text);

}  // namespace kpsim::output
