/* false: exits with status 1, so a test sees a non-zero status reported. */
int main()
{
	return 1;
}
