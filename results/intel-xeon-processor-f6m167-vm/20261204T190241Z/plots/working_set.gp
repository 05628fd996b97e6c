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
32 0.344095073
1024 0.376023513
65536 1.1820104
1048576 2.4692331
EOD
$d1 << EOD
32 0.303207523
1024 0.374411096
65536 1.17185252
1048576 2.48866143
EOD
$d2 << EOD
64 3.38417944
1024 13.4316346
65536 15.4899349
1048576 15.3913686
EOD
$d3 << EOD
32 0.140589857
1024 0.306320508
65536 1.25050714
1048576 2.49703259
EOD
$d4 << EOD
32 0.0901479953
1024 0.301479998
65536 1.00190215
1048576 1.99405854
EOD
$d5 << EOD
32 0.163283631
1024 0.305830988
65536 1.24332581
1048576 2.54769395
EOD
$d6 << EOD
32 0.132435922
1024 0.305976894
65536 1.33362542
1048576 2.32750742
EOD
$d7 << EOD
32 0.0991015208
1024 0.301485019
65536 1.03887821
1048576 2.04511382
EOD
$d8 << EOD
32 0.0630387187
1024 0.306819772
65536 0.998267119
1048576 1.86458419
EOD
$d9 << EOD
32 0.120405549
1024 0.305482033
65536 1.2497702
1048576 2.29777985
EOD
$d10 << EOD
32 0.0651919799
1024 0.305845026
65536 1.0022845
1048576 1.60380449
EOD
$d11 << EOD
32 5.06775305
1024 14.7009229
65536 15.4634137
1048576 15.8172611
EOD
$d12 << EOD
32 2.97529287
1024 13.0454671
65536 14.7392442
1048576 14.6904364
EOD
$d13 << EOD
32 8.18095284
1024 8.19493997
65536 11.0554814
1048576 11.8168787
EOD
$d14 << EOD
32 2.893071
1024 13.445129
65536 14.422658
1048576 14.5702735
EOD
$d15 << EOD
32 0.0956072847
1024 0.304831121
65536 1.16958391
1048576 2.19858678
EOD
$d16 << EOD
32 0.0616425774
1024 0.303705228
65536 1.06982662
1048576 1.90727916
EOD
$d17 << EOD
32 0.63779571
1024 0.643392456
65536 1.30345066
1048576 2.49660128
EOD
$d18 << EOD
32 0.68329519
1024 0.686401214
65536 1.23623084
1048576 2.54476135
EOD
$d19 << EOD
32 0.662689103
1024 0.633823639
65536 1.18356972
1048576 2.28935568
EOD
plot $d0 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-branch', $d1 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-mask', $d2 using 1:2 with linespoints pointsize 1.1 title 'relu/f64/cpp/scalar/signbit-branch', $d3 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx2/maxps', $d4 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx512f/maxps', $d5 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u1', $d6 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u4', $d7 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u1', $d8 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u4', $d9 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-rev-u4', $d10 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-rev-u4', $d11 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u1', $d12 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u4', $d13 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/cpp/scalar/libm', $d14 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/scalar/signbit-test-js-u4', $d15 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx2/maxps-u4', $d16 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx512f/maxps-u4', $d17 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p5-nr1-direct-scalef-u2', $d18 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p6-nr1-direct-scalef-u2', $d19 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/peer/avx512f/xnnpack'
