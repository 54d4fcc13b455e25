#include <stddef.h>
#include <stdint.h>
/// libFuzzer's entry for programs that bring their own main (compiler-rt, LLVM 11 and later).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
