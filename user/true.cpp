/* true: exits with status 0. The smallest program the exec and spawn tests start. */
int main()
{
	return 0;
}
