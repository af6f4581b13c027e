@fmt = private constant [13 x i8] c"%d %d %d %d\0A\00"
declare i32 @printf(i8*, ...)
define internal i32 @impl(i32 %x) {
  %y = mul i32 %x, 3
  ret i32 %y
}
@pub = alias i32 (i32), i32 (i32)* @impl
@pub2 = weak alias i32 (i32), i32 (i32)* @impl
@ptrs = global [2 x i32 (i32)*] [i32 (i32)* @pub, i32 (i32)* @impl]
define i32 @main() {
  %p0 = load i32 (i32)*, i32 (i32)** getelementptr ([2 x i32 (i32)*], [2 x i32 (i32)*]* @ptrs, i64 0, i64 0)
  %p1 = load i32 (i32)*, i32 (i32)** getelementptr ([2 x i32 (i32)*], [2 x i32 (i32)*]* @ptrs, i64 0, i64 1)
  %a = call i32 %p0(i32 2)
  %b = call i32 @pub2(i32 3)
  %c = call i32 %p1(i32 4)
  %same = icmp eq i32 (i32)* %p0, %p1
  %s = zext i1 %same to i32
  call i32 (i8*, ...) @printf(i8* getelementptr ([13 x i8], [13 x i8]* @fmt, i64 0, i64 0), i32 %a, i32 %b, i32 %c, i32 %s)
  ret i32 0
}
