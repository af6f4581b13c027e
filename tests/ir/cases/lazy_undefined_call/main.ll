; lazy_undefined_*, module main: prints, calls lib.ll's working functions, then (by
; argv[1]: "data", "call" or "none") a function of lib.ll whose body refers to a
; variable or a function that no module defines. No fflush: the output so far must
; reach stdout anyway.
source_filename = "main.ll"

@.before = private unnamed_addr constant [20 x i8] c"before: ok(4) = %d\0A\00"
@.more = private unnamed_addr constant [25 x i8] c"still running: ok2 = %d\0A\00"
@.after = private unnamed_addr constant [30 x i8] c"after the call: %d (reached)\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @ok_func(i32)
declare i32 @ok_other()
declare i32 @broken_reader()
declare i32 @broken_caller(i32)

define i32 @main(i32 %argc, i8** %argv) {
entry:
  %a = call i32 @ok_func(i32 4)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.before, i64 0, i64 0), i32 %a)
  %b = call i32 @ok_other()
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([25 x i8], [25 x i8]* @.more, i64 0, i64 0), i32 %b)
  %p = getelementptr inbounds i8*, i8** %argv, i64 1
  %arg = load i8*, i8** %p
  %c = load i8, i8* %arg
  switch i8 %c, label %none [ i8 100, label %data
                              i8 99, label %call ]
data:
  %r1 = call i32 @broken_reader()
  br label %done
call:
  %r2 = call i32 @broken_caller(i32 3)
  br label %done
none:
  br label %done
done:
  %r = phi i32 [ %r1, %data ], [ %r2, %call ], [ 0, %none ]
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([30 x i8], [30 x i8]* @.after, i64 0, i64 0), i32 %r)
  ret i32 0
}
