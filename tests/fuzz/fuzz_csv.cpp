// libFuzzer target: any bytes as a project CSV must parse or give located
// errors — never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/input/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kpsim::model::Diagnostics diag;
  const auto table = kpsim::input::parse_csv(text, "fuzz.csv", "projects_csv", diag);
  for (const auto& row : table.rows)
    if (row.size() != table.header.size()) __builtin_trap();  // rows are as wide as the header
  for (const auto& d : diag.errors())  // errors are located, but "the file is empty" concerns the whole file
    if (d.where.line <= 0 && d.code != "E-CSV-004") __builtin_trap();
  return 0;
}
