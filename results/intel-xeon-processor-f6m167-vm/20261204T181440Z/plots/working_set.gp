# actbench plot: gnuplot working_set.gp > working_set.svg
set terminal svg size 900,520 dynamic noenhanced font 'sans,11' background rgb 'white'
set title 'Throughput against working-set size'
set xlabel 'working set, input + output (KiB)'
set ylabel 'cycles/value'
set grid
set key outside right top box
set logscale x
set logscale y
$d0 << EOD
32 0.344315442
1024 0.375880586
65536 1.20964993
1048576 2.36270557
EOD
$d1 << EOD
32 0.299609349
1024 0.374160378
65536 1.11755903
1048576 2.33146628
EOD
$d2 << EOD
64 2.9429924
1024 12.971317
65536 15.8064357
1048576 15.8501578
EOD
$d3 << EOD
32 0.139670233
1024 0.305839912
65536 1.18941663
1048576 2.38160263
EOD
$d4 << EOD
32 0.0726018077
1024 0.324853983
65536 1.14364904
1048576 2.04025227
EOD
$d5 << EOD
32 0.158034106
1024 0.305938171
65536 1.17335408
1048576 2.36589797
EOD
$d6 << EOD
32 0.133117829
1024 0.305315285
65536 1.14429402
1048576 2.42521321
EOD
$d7 << EOD
32 0.100736139
1024 0.325821793
65536 1.05937619
1048576 2.03632168
EOD
$d8 << EOD
32 0.0673303701
1024 0.328060064
65536 1.01142181
1048576 1.98002986
EOD
$d9 << EOD
32 0.11749717
1024 0.304711139
65536 1.12293796
1048576 2.32848297
EOD
$d10 << EOD
32 0.0680875641
1024 0.334300998
65536 1.04168979
1048576 1.96442778
EOD
$d11 << EOD
32 4.9525412
1024 14.4959108
65536 15.8850312
1048576 16.1057102
EOD
$d12 << EOD
32 2.96807374
1024 13.0842856
65536 14.9012478
1048576 13.8146735
EOD
$d13 << EOD
32 8.20950396
1024 8.20967127
65536 10.7339444
1048576 10.7182469
EOD
$d14 << EOD
32 2.89772631
1024 13.4183906
65536 14.8364037
1048576 14.751197
EOD
$d15 << EOD
32 0.0949579837
1024 0.304239868
65536 1.12931105
1048576 2.38811105
EOD
$d16 << EOD
32 0.0650295629
1024 0.335960149
65536 1.063508
1048576 2.01873089
EOD
$d17 << EOD
32 0.686569912
1024 0.68591365
65536 1.1794323
1048576 2.84374957
EOD
$d18 << EOD
32 0.721268916
1024 0.701333442
65536 1.41990863
1048576 2.53260771
EOD
$d19 << EOD
32 0.710685975
1024 0.672711882
65536 1.15687174
1048576 2.60712698
EOD
plot $d0 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-branch', $d1 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-mask', $d2 using 1:2 with linespoints pointsize 1.1 title 'relu/f64/cpp/scalar/signbit-branch', $d3 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx2/maxps', $d4 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx512f/maxps', $d5 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u1', $d6 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u4', $d7 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u1', $d8 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u4', $d9 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-rev-u4', $d10 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-rev-u4', $d11 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u1', $d12 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u4', $d13 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/cpp/scalar/libm', $d14 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/scalar/signbit-test-js-u4', $d15 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx2/maxps-u4', $d16 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx512f/maxps-u4', $d17 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p5-nr1-direct-scalef-u2', $d18 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p6-nr1-direct-scalef-u2', $d19 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/peer/avx512f/xnnpack'
