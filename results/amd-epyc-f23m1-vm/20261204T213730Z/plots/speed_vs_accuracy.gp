# actbench plot: gnuplot speed_vs_accuracy.gp > speed_vs_accuracy.svg
set terminal svg size 900,520 dynamic noenhanced font 'sans,11' background rgb 'white'
set title 'Sigmoid f32: cycles/value against max error'
set xlabel 'max error, ULP (0 drawn at 0.25)'
set ylabel 'cycles/value (L1 throughput)'
set grid
set key outside right top box
set logscale x
set logscale y
$d0 << EOD
2 2.73849487
2 2.88409764
2 13.671875
EOD
$d1 << EOD
1 23.4914079
2 22.9311343
847243952 73.1145952
EOD
$d2 << EOD
2 3.41942597
3 3.31658649
3 3.67293448
3 4.87928564
1347 3.03788332
500202 1.44721723
863078065 5.9642856
EOD
$d3 << EOD
2 8.96300493
2 19.2543793
3 4.53886613
4 2.87795652
7619 2.62869343
11858804 5.24671015
EOD
$d4 << EOD
1 23.4914079
2 2.73849487
7619 2.62869343
500202 1.44721723
EOD
plot $d0 using 1:2 with points pointsize 1.1 title 'asm', $d1 using 1:2 with points pointsize 1.1 title 'cpp', $d2 using 1:2 with points pointsize 1.1 title 'jit', $d3 using 1:2 with points pointsize 1.1 title 'peer', $d4 using 1:2 with linespoints pointsize 1.1 title 'Pareto front'
