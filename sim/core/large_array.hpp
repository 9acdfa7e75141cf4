// Arrays of a portfolio's size (a record, a state, a time per task) on
// 2 MiB pages where the kernel offers them: the engine reads them in no
// particular order, and with 4 KiB pages nearly every read beyond the
// TLB's reach (a few MiB) pays a page walk besides its cache miss. Linux
// gives transparent huge pages to a mapping that asks for them (madvise);
// elsewhere, or where they are off, these are plain allocations.
#pragma once

#include <cstddef>
#include <vector>

namespace kpsim::core {

// At least this many bytes are mapped on their own, aligned to a huge page.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// Whether this build maps them (not under AddressSanitizer, which checks
// only ordinary allocations).
bool large_arrays_mapped();

void* allocate_large(std::size_t bytes, std::size_t alignment);
void deallocate_large(void* p, std::size_t bytes, std::size_t alignment) noexcept;

template <class T>
struct LargeArrayAllocator {
  using value_type = T;
  LargeArrayAllocator() = default;
  template <class U>
  LargeArrayAllocator(const LargeArrayAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_large(n * sizeof(T), alignof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { deallocate_large(p, n * sizeof(T), alignof(T)); }
  friend bool operator==(LargeArrayAllocator, LargeArrayAllocator) noexcept { return true; }
};

template <class T>
using LargeArray = std::vector<T, LargeArrayAllocator<T>>;

// What an array holds in memory (its capacity), for memory-per-task figures.
template <class T, class Allocator>
std::size_t capacity_bytes(const std::vector<T, Allocator>& v) { return v.capacity() * sizeof(T); }

}  // namespace kpsim::core
